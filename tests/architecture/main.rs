//! Rules about the shape of the code base that a reviewer should not have to
//! remember: the engine never depends on Tauri, the shell's security
//! settings never widen, the Linux package lists files that exist, and the
//! colours the UI offers are the ones new timelines take.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_owned()
}

#[test]
fn only_the_shell_depends_on_tauri() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "tree",
            "--workspace",
            "--edges",
            "normal",
            "--invert",
            "tauri",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let dependents: BTreeSet<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| name.starts_with("tideline"))
        .map(str::to_owned)
        .collect();
    assert_eq!(dependents, BTreeSet::from(["tideline-app".to_owned()]));
}

#[test]
fn the_content_security_policy_allows_no_remote_origin() {
    let config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tauri.conf.json")).unwrap())
            .unwrap();
    let csp = config["app"]["security"]["csp"]
        .as_object()
        .expect("a CSP is set");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    for (directive, sources) in csp {
        let sources = sources.as_str().unwrap();
        for source in sources.split_whitespace() {
            let allowed = [
                "'self'",
                "'none'",
                "'unsafe-inline'",
                "data:",
                "ipc:",
                "http://ipc.localhost",
            ];
            assert!(allowed.contains(&source), "{directive} allows {source}");
        }
        assert!(
            !(directive == "script-src" && sources.contains("unsafe")),
            "scripts must not be inline or eval'd"
        );
    }
    assert!(
        config["build"].get("devUrl").is_none(),
        "no dev server in the shipped config"
    );
}

/// The whole policy, pinned: a new directive or source (a CDN, `ws:`,
/// `'unsafe-eval'`, `https:` in `connect-src`) fails here until a reviewer
/// changes this test on purpose.
#[test]
fn the_content_security_policy_is_exactly_the_reviewed_one() {
    let config: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tauri.conf.json")).unwrap())
            .unwrap();
    let security = &config["app"]["security"];
    assert_eq!(
        security["csp"],
        serde_json::json!({
            "default-src": "'self'",
            "script-src": "'self'",
            "style-src": "'self' 'unsafe-inline'",
            "img-src": "'self' data:",
            "font-src": "'self'",
            "connect-src": "ipc: http://ipc.localhost",
            "object-src": "'none'",
            "base-uri": "'none'",
            "form-action": "'none'",
            "frame-src": "'none'"
        })
    );
    for (directive, sources) in security["csp"].as_object().unwrap() {
        let sources = sources.as_str().unwrap();
        assert!(!sources.contains("unsafe-eval"), "{directive} allows eval");
        assert!(!sources.contains('*'), "{directive} allows a wildcard");
        if directive == "script-src" || directive == "connect-src" {
            for source in sources.split_whitespace() {
                let remote = ["http:", "https:", "ws:", "wss:", "data:", "blob:"]
                    .iter()
                    .any(|scheme| source.starts_with(scheme))
                    && source != "http://ipc.localhost";
                assert!(!remote, "{directive} allows {source}");
            }
        }
    }
    // Nothing beside the CSP loosens it or grants more: no CSP left to the
    // page, no asset protocol, no capabilities inline in the config, no
    // global `__TAURI__` for an injected script to call.
    let keys: Vec<&String> = security.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["csp"], "only the CSP is set in app.security");
    assert_eq!(config["app"]["withGlobalTauri"], false);
    assert!(config.get("plugins").is_none(), "no plugin configuration");
}

/// The shell links only the dialog plugin: no shell, HTTP, file system,
/// opener, updater or websocket plugin, and Tauri without extra features.
#[test]
fn the_shell_links_no_plugin_but_the_dialogs() {
    let manifest = std::fs::read_to_string(root().join("src-tauri/Cargo.toml")).unwrap();
    let plugins: Vec<&str> = manifest
        .lines()
        .filter_map(|line| line.split_once('=').map(|(name, _)| name.trim()))
        .filter(|name| name.starts_with("tauri-plugin"))
        .collect();
    assert_eq!(plugins, ["tauri-plugin-dialog"]);
    let tauri = manifest
        .lines()
        .find(|line| line.starts_with("tauri ="))
        .expect("tauri is a dependency");
    assert_eq!(
        tauri,
        r#"tauri = { version = "2", features = ["custom-protocol"] }"#
    );
}

/// The native open and save dialogs, and listening for the files dropped on
/// the window: nothing else (no shell, no HTTP, no file system).
#[test]
fn the_window_is_granted_only_file_dialogs_and_drop_events() {
    let dir = root().join("src-tauri/capabilities");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let capability: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        assert_eq!(capability["identifier"], "default");
        assert_eq!(capability["windows"], serde_json::json!(["main"]));
        assert!(
            capability.get("remote").is_none(),
            "no remote page may call the app's commands"
        );
        assert!(capability.get("webviews").is_none());
        assert_eq!(
            capability["permissions"],
            serde_json::json!([
                "core:event:allow-listen",
                "core:event:allow-unlisten",
                "dialog:allow-open",
                "dialog:allow-save"
            ]),
            "{capability}"
        );
        files += 1;
    }
    assert_eq!(files, 1);
}

/// What can break in the Linux package without building it (`cargo xtask
/// package` builds and checks it, too slowly for every run): every file
/// `[package.metadata.deb]` lists exists or is a binary of the workspace,
/// and the desktop entry starts a packaged binary with a packaged icon and
/// a packaged file type.
#[test]
fn the_package_lists_files_that_exist_and_a_desktop_entry_that_matches() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(output.status.success());
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages = metadata["packages"].as_array().unwrap();
    let binaries: BTreeSet<&str> = packages
        .iter()
        .flat_map(|package| package["targets"].as_array().unwrap())
        .filter(|target| target["kind"] == serde_json::json!(["bin"]))
        .map(|target| target["name"].as_str().unwrap())
        .collect();
    let app = packages
        .iter()
        .find(|package| package["name"] == "tideline-app")
        .unwrap();
    let dir = Path::new(app["manifest_path"].as_str().unwrap())
        .parent()
        .unwrap();
    // Each asset: [source, destination, mode]; a destination ending in `/`
    // keeps the source's file name.
    let mut installed = BTreeSet::new();
    let mut files = Vec::new();
    for asset in app["metadata"]["deb"]["assets"].as_array().unwrap() {
        let [source, dest, _mode] = [0, 1, 2].map(|i| asset[i].as_str().unwrap());
        let name = Path::new(source).file_name().unwrap().to_str().unwrap();
        if let Some(binary) = source.strip_prefix("target/release/") {
            assert!(binaries.contains(binary), "no binary {binary} is built");
        } else {
            assert!(dir.join(source).is_file(), "{source} is missing");
            files.push((dest, dir.join(source)));
        }
        let dest = match dest.strip_suffix('/') {
            Some(folder) => format!("{folder}/{name}"),
            None => dest.to_owned(),
        };
        installed.insert(dest);
    }

    let read = |suffix: &str| {
        let (_, source) = files
            .iter()
            .find(|(dest, _)| dest.starts_with(suffix))
            .unwrap_or_else(|| panic!("nothing is installed in {suffix}"));
        std::fs::read_to_string(source).unwrap()
    };
    let entry = read("usr/share/applications/");
    let key = |key: &str| {
        entry
            .lines()
            .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
            .unwrap_or_else(|| panic!("the desktop entry has no {key}"))
    };
    let exec = key("Exec").split_whitespace().next().unwrap();
    assert!(installed.contains(&format!("usr/bin/{exec}")), "{exec}");
    let icon = key("Icon");
    for size in ["48x48", "512x512"] {
        let path = format!("usr/share/icons/hicolor/{size}/apps/{icon}.png");
        assert!(installed.contains(&path), "{path}");
    }
    let mime = read("usr/share/mime/packages/");
    for file_type in key("MimeType").split_terminator(';') {
        assert!(
            mime.contains(&format!("<mime-type type=\"{file_type}\">")),
            "{file_type}"
        );
    }
}

#[test]
fn the_uis_palette_is_the_engines_timeline_colours_in_order() {
    let vocabulary = std::fs::read_to_string(root().join("ui/src/lib/vocabulary.ts")).unwrap();
    let palette = vocabulary
        .split("export const PALETTE")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .expect("PALETTE in ui/src/lib/vocabulary.ts");
    let colours: Vec<&str> = palette
        .split("colour: \"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert_eq!(
        colours,
        tideline_model::timeline::TIMELINE_COLOURS,
        "a new timeline takes the first colour of TIMELINE_COLOURS no other has; the UI offers PALETTE"
    );
}
