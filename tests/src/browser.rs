//! Browsers for the exported web page: headless Chromium over Debian's
//! chromedriver, and WebKitGTK's MiniBrowser over WebKitWebDriver under a
//! virtual display. Each [`Browser`] is one driver process with one
//! session, stopped on drop.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use anyhow::Context;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;

use crate::{free_ports, start_xvfb, wait_until};

/// WebKitGTK's own small browser, which WebKitWebDriver drives.
const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    WebKit,
}

pub struct Browser {
    pub client: Client,
    driver: Child,
    xvfb: Option<Child>,
}

impl Browser {
    /// Starts `engine` with scripts on or off (off: Chromium only).
    pub async fn start(engine: Engine, scripts: bool) -> anyhow::Result<Browser> {
        let [port, _] = free_ports()?;
        let (xvfb, display) = match (engine, std::env::var("DISPLAY")) {
            (Engine::WebKit, Ok(display)) if !display.is_empty() => (None, display),
            (Engine::WebKit, _) => {
                let (child, display) = start_xvfb()?;
                (Some(child), display)
            }
            (Engine::Chromium, _) => (None, String::new()),
        };
        let (program, capabilities) = match engine {
            Engine::Chromium => {
                let mut options = serde_json::json!({
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--window-size=1280,900",
                        // Nothing may resolve: a request would fail loudly.
                        "--host-resolver-rules=MAP * ~NOTFOUND",
                    ],
                });
                if !scripts {
                    options["prefs"] = serde_json::json!({
                        "profile.managed_default_content_settings.javascript": 2
                    });
                }
                (
                    "chromedriver",
                    serde_json::json!({
                        "browserName": "chrome",
                        "goog:chromeOptions": options,
                        "goog:loggingPrefs": { "browser": "ALL" },
                    }),
                )
            }
            Engine::WebKit => {
                anyhow::ensure!(scripts, "WebKitGTK is driven with scripts on");
                (
                    "WebKitWebDriver",
                    serde_json::json!({
                        "browserName": "MiniBrowser",
                        "webkitgtk:browserOptions": {
                            "binary": MINIBROWSER,
                            "args": ["--automation", "--geometry=1280x900"],
                        },
                    }),
                )
            }
        };
        let mut command = Command::new(program);
        command
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if !display.is_empty() {
            // As the app does: under Xvfb with no GPU, WebKitGTK's DMA-BUF
            // renderer makes every frame several times slower.
            command
                .env("DISPLAY", &display)
                .env("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
        }
        let driver = command
            .spawn()
            .with_context(|| format!("could not start {program}"))?;
        wait_until(&format!("{program} to listen"), || {
            TcpStream::connect(("127.0.0.1", port)).is_ok()
        })?;
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("capabilities are an object");
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .with_context(|| format!("could not open a {engine:?} session"))?;
        Ok(Browser {
            client,
            driver,
            xvfb,
        })
    }

    /// Ends the session and stops the driver.
    pub async fn close(mut self) -> anyhow::Result<()> {
        self.client.clone().close().await?;
        self.stop();
        Ok(())
    }

    fn stop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        if let Some(xvfb) = &mut self.xvfb {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        self.stop();
    }
}
