//! Web links. The UI asks to open an address only after the user confirmed
//! it; the shell checks it again (http or https with a host, nothing else)
//! and hands it to the system browser as one argument, with no shell in
//! between. The webview itself never leaves the app's own pages.

use std::process::{Command, Stdio};

use tauri::Runtime;
use tauri::plugin::{Builder, TauriPlugin};
use tideline_store::ErrorCode;
use tideline_store::views::ApiError;
use url::Url;

/// The program that opens an address in the user's browser.
#[cfg(target_os = "macos")]
const OPENER: &str = "open";
#[cfg(windows)]
const OPENER: &str = "explorer";
#[cfg(not(any(target_os = "macos", windows)))]
const OPENER: &str = "xdg-open";

/// Opens `url` in the system browser; anything but an http(s) address is
/// refused with `invalid-input`.
#[tauri::command]
pub fn open_link(url: String) -> Result<(), ApiError> {
    let url = web_url(&url)?;
    let mut opener = Command::new(OPENER)
        .arg(url.as_str())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|error| ApiError {
            code: ErrorCode::Io,
            message: format!("the browser could not be started ({OPENER}: {error})"),
        })?;
    // Waited for off the main thread: an opener may stay until the browser quits.
    std::thread::spawn(move || match opener.wait() {
        Ok(status) if !status.success() => eprintln!("tideline: {OPENER} {url} failed: {status}"),
        Err(error) => eprintln!("tideline: {OPENER} {url} failed: {error}"),
        Ok(_) => {}
    });
    Ok(())
}

/// `raw` as an absolute http(s) address with a host, or why it is refused.
fn web_url(raw: &str) -> Result<Url, ApiError> {
    let refuse = |why: String| ApiError {
        code: ErrorCode::InvalidInput,
        message: format!("{raw:?} was not opened: {why}"),
    };
    let url = Url::parse(raw).map_err(|error| refuse(error.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse("only http and https links open".to_owned()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(refuse("the address has no host".to_owned()));
    }
    Ok(url)
}

/// Cancels any navigation of the webview away from the app's own pages (a
/// link, a form or a script that slipped through would otherwise replace
/// the app with a remote page that could call its commands).
pub fn navigation_guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|_, url| is_own_page(url))
        .build()
}

/// The origins the app's files are served from: `tauri://localhost` on
/// Linux and macOS, `http(s)://tauri.localhost` on Windows.
fn is_own_page(url: &Url) -> bool {
    matches!(
        (url.scheme(), url.host_str()),
        ("tauri", Some("localhost")) | ("http" | "https", Some("tauri.localhost"))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_with_a_host_open() {
        for good in [
            "https://example.org/deal?id=1#top",
            "http://example.org",
            "HTTPS://Example.ORG/a b",
        ] {
            assert!(web_url(good).is_ok(), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,<script>alert(1)</script>",
            "tauri://localhost/index.html",
            "ftp://example.org/",
            "mailto:a@example.org",
            "/relative/path",
            "example.org",
            "https://",
            "",
        ] {
            let error = web_url(bad).unwrap_err();
            assert_eq!(error.code, ErrorCode::InvalidInput, "{bad}");
            assert!(error.message.contains("was not opened"), "{bad}");
        }
    }

    #[test]
    fn the_browser_gets_the_address_normalised() {
        // One argument, spaces and quotes escaped: nothing a shell or the
        // opener could read as another argument or an option.
        let url = web_url(" https://Example.org/a b\"c ").unwrap();
        assert_eq!(url.as_str(), "https://example.org/a%20b%22c");
        assert!(!url.as_str().starts_with('-'));
    }

    #[test]
    fn the_webview_stays_on_the_apps_own_pages() {
        for own in [
            "tauri://localhost/",
            "tauri://localhost/index.html",
            "http://tauri.localhost/",
        ] {
            assert!(is_own_page(&Url::parse(own).unwrap()), "{own}");
        }
        for foreign in [
            "https://example.org/",
            "http://localhost:1420/",
            "tauri://localhost.example.org/",
            "http://tauri.localhost.example.org/",
            "file:///etc/passwd",
            "about:blank",
            "data:text/html,hi",
        ] {
            assert!(!is_own_page(&Url::parse(foreign).unwrap()), "{foreign}");
        }
    }
}
