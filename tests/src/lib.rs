//! Support for Tideline's end-to-end tests: the real app binary in WebKitGTK
//! under a virtual display, driven over WebDriver by tauri-driver and
//! WebKitWebDriver (Debian's webkit2gtk-driver).
//!
//! [`Harness::start`] builds the app, starts Xvfb when there is no display and
//! a tauri-driver on a free port; [`Harness::launch`] opens the app on a
//! workspace file and returns a WebDriver client, [`Harness::spawn`] opens
//! another app beside it, undriven. Everything is stopped on drop.

pub mod browser;
mod generate;
pub mod process;

pub use generate::{generate_workspace, import_peer_csv, import_peer_workspace, peer_csv};

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;

/// How long to wait for a process to come up or an element to appear.
pub const WAIT: Duration = Duration::from_secs(30);

pub struct Harness {
    app: PathBuf,
    driver_port: u16,
    /// Where tauri-driver's WebKitWebDriver listens.
    native_port: u16,
    driver: Child,
    xvfb: Option<Child>,
    display: String,
    /// The apps' config folder (the recent workspaces), not the user's.
    config: tempfile::TempDir,
}

impl Harness {
    pub fn start(profile: Profile) -> anyhow::Result<Harness> {
        Harness::start_with_programs(profile, None)
    }

    /// As [`Harness::start`], with the programs in `programs` found first on
    /// the app's `PATH`: stubs that record what the app asks of the desktop.
    pub fn start_with_programs(
        profile: Profile,
        programs: Option<&Path>,
    ) -> anyhow::Result<Harness> {
        let app = build_app(profile)?;
        let (xvfb, display) = match std::env::var("DISPLAY") {
            Ok(display) if !display.is_empty() => (None, display),
            _ => {
                let (child, display) = start_xvfb()?;
                (Some(child), display)
            }
        };
        let [driver_port, native_port] = free_ports()?;
        let config = tempfile::tempdir()?;
        let mut driver = Command::new("tauri-driver");
        driver
            .args([
                "--port",
                &driver_port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", &display)
            .env("XDG_CONFIG_HOME", config.path())
            // Backups and WebKit's storage too stay in the harness's own folder.
            .env("XDG_DATA_HOME", config.path())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        // tauri-driver passes its environment on to WebKitWebDriver and the app.
        if let Some(programs) = programs {
            let path = std::env::var_os("PATH").unwrap_or_default();
            let paths = std::iter::once(programs.to_owned()).chain(std::env::split_paths(&path));
            driver.env("PATH", std::env::join_paths(paths)?);
        }
        // WebKitWebDriver's screenshots hang with the DMA-BUF renderer off,
        // which the app turns off by default: keep it on to take them.
        if std::env::var_os("TIDELINE_SCREENSHOT_DIR").is_some() {
            driver.env("WEBKIT_DISABLE_DMABUF_RENDERER", "0");
        }
        let driver = driver.spawn().context(
            "could not start tauri-driver; install it with `cargo install tauri-driver --locked`",
        )?;
        let harness = Harness {
            app,
            driver_port,
            native_port,
            driver,
            xvfb,
            display,
            config,
        };
        harness.wait_for_drivers()?;
        Ok(harness)
    }

    /// Waits until tauri-driver and the WebKitWebDriver it starts both
    /// listen: on a loaded machine a session asked for before
    /// WebKitWebDriver listens fails.
    fn wait_for_drivers(&self) -> anyhow::Result<()> {
        for (what, port) in [
            ("tauri-driver to listen", self.driver_port),
            ("WebKitWebDriver to listen", self.native_port),
        ] {
            wait_until(what, || TcpStream::connect(("127.0.0.1", port)).is_ok())?;
        }
        Ok(())
    }

    /// Opens the app on the workspace at `db` and waits for the UI to load.
    pub async fn launch(&self, db: &Path) -> anyhow::Result<Client> {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), "wry".into());
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({
                "application": self.app,
                "args": ["--db", db],
            }),
        );
        // tauri-driver now and then drops the first request of a session
        // while WebKitWebDriver starts; a second attempt goes through.
        let mut attempts = 0;
        loop {
            attempts += 1;
            let connected = ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{}", self.driver_port))
                .await;
            match connected {
                Ok(client) => return Ok(client),
                Err(error) if attempts < 4 => {
                    eprintln!("WebDriver session attempt {attempts} failed: {error}; trying again");
                    self.wait_for_drivers()?;
                }
                Err(error) => {
                    return Err(error).with_context(|| {
                        format!(
                            "could not open a WebDriver session on display {}",
                            self.display
                        )
                    });
                }
            }
        }
    }

    /// The app binary the harness drives.
    pub fn app(&self) -> &Path {
        &self.app
    }

    /// Starts the app on the workspace at `db` as a plain process, not
    /// driven over WebDriver: a second window, as a user opens one.
    pub fn spawn(&self, db: &Path) -> anyhow::Result<Window> {
        let child = Command::new(&self.app)
            .arg("--db")
            .arg(db)
            .env("DISPLAY", &self.display)
            .env("XDG_CONFIG_HOME", self.config.path())
            .env("XDG_DATA_HOME", self.config.path())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .context("could not start the app")?;
        Ok(Window(child))
    }
}

/// An app started by [`Harness::spawn`]; stopped when dropped.
pub struct Window(Child);

impl Window {
    pub fn id(&self) -> u32 {
        self.0.id()
    }
}

impl Drop for Window {
    fn drop(&mut self) {
        stop(&mut self.0);
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        // SIGTERM lets tauri-driver stop its WebKitWebDriver; SIGKILL would
        // orphan it.
        stop(&mut self.driver);
        if let Some(xvfb) = &mut self.xvfb {
            stop(xvfb);
        }
    }
}

fn stop(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = child.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Which build of the app to drive: tests use the debug build that the
/// test command has just made, benchmarks an optimised one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Profile {
    Debug,
    Release,
}

/// Builds the app (a no-op when it is up to date) and returns its path;
/// `TIDELINE_APP=PATH` names a binary to drive instead, such as the
/// installed package's `/usr/bin/tideline-app`.
fn build_app(profile: Profile) -> anyhow::Result<PathBuf> {
    if let Some(app) = std::env::var_os("TIDELINE_APP") {
        return Ok(app.into());
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut args = vec![
        "build",
        "--package",
        "tideline-app",
        "--message-format=json-render-diagnostics",
    ];
    if profile == Profile::Release {
        args.push("--release");
    }
    let output = Command::new(cargo)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stderr(Stdio::inherit())
        .output()
        .context("could not run cargo build")?;
    if !output.status.success() {
        bail!("building tideline-app failed");
    }
    let stdout = String::from_utf8(output.stdout)?;
    stdout
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| {
            message["reason"] == "compiler-artifact" && message["target"]["name"] == "tideline-app"
        })
        .find_map(|message| message["executable"].as_str().map(PathBuf::from))
        .context("cargo build did not report the tideline-app binary")
}

fn start_xvfb() -> anyhow::Result<(Child, String)> {
    let number = (100..400)
        .find(|n| {
            !Path::new(&format!("/tmp/.X{n}-lock")).exists()
                && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
        })
        .context("no free X display number")?;
    let display = format!(":{number}");
    let child = Command::new("Xvfb")
        .args([
            display.as_str(),
            "-screen",
            "0",
            "1440x900x24",
            "-nolisten",
            "tcp",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .context("could not start Xvfb; install the xvfb package")?;
    // A stale socket file may outlive an earlier server: wait until this one answers.
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
    wait_until("Xvfb to start", || {
        std::os::unix::net::UnixStream::connect(&socket).is_ok()
    })?;
    Ok((child, display))
}

/// Two distinct free ports: both listeners are held until both are chosen.
fn free_ports() -> anyhow::Result<[u16; 2]> {
    let first = TcpListener::bind(("127.0.0.1", 0))?;
    let second = TcpListener::bind(("127.0.0.1", 0))?;
    Ok([first.local_addr()?.port(), second.local_addr()?.port()])
}

/// Polls `ready` until it holds, failing after [`WAIT`].
pub fn wait_until(what: &str, mut ready: impl FnMut() -> bool) -> anyhow::Result<()> {
    let deadline = Instant::now() + WAIT;
    while !ready() {
        if Instant::now() > deadline {
            bail!("timed out waiting for {what}");
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    Ok(())
}
