//! Rules about the shape of the code base that a reviewer should not have to
//! remember: the engine never depends on Tauri, and the shell's security
//! settings never widen.

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

/// The native open and save dialogs, and listening for the files dropped on
/// the window: nothing else (no shell, no HTTP, no file system).
#[test]
fn the_window_is_granted_only_file_dialogs_and_drop_events() {
    let dir = root().join("src-tauri/capabilities");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let capability: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
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
