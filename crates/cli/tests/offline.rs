//! Offline, provably: the `tideline` binary writes the sample, imports,
//! exports every graphic format and checks a workspace inside a network
//! namespace with no interface but a loopback that is down, where any
//! network request fails. A command that reached for the network (a font,
//! an update check, telemetry) would fail here.
//!
//! Each command also runs under `strace`, and the test fails on any
//! internet socket it opens, even one whose failure it ignored.
//!
//! The namespace comes from `unshare --net` (as root, as CI runs) or
//! `unshare -rn` (a user namespace otherwise). Where neither works the test
//! fails and says so: it never passes without having run offline.

use std::path::Path;
use std::process::{Command, Output};

/// A timeline of the sample workspace.
const SAMPLE: &str = "Microsoft–OpenAI";

/// The `unshare` flags that make a network namespace here.
fn unshare_flags() -> &'static [&'static str] {
    let mut tried = Vec::new();
    for flags in [&["--net"][..], &["-rn"][..]] {
        match Command::new("unshare").args(flags).arg("true").output() {
            Ok(output) if output.status.success() => return flags,
            Ok(output) => tried.push(format!(
                "unshare {}: {}",
                flags.join(" "),
                String::from_utf8_lossy(&output.stderr).trim()
            )),
            Err(error) => tried.push(format!("unshare {}: {error}", flags.join(" "))),
        }
    }
    panic!(
        "this test needs a network namespace and could not make one ({}); \
         install util-linux's unshare and run as root or with user namespaces enabled",
        tried.join("; ")
    );
}

/// Runs `program args` in a new network namespace.
fn offline(program: &str, args: &[&str]) -> Output {
    Command::new("unshare")
        .args(unshare_flags())
        .arg(program)
        .args(args)
        .output()
        .unwrap()
}

/// Runs `tideline --db DB args` offline under strace; fails if the command
/// fails or so much as opens an internet socket (a request whose failure
/// the program ignored would pass without the trace).
fn tideline_offline(db: &Path, args: &[&str]) -> String {
    let trace = tempfile::NamedTempFile::new().unwrap();
    let trace_path = trace.path().to_str().unwrap();
    let mut all = vec!["-f", "-qq", "-e", "trace=socket,connect", "-o", trace_path];
    all.extend_from_slice(&[env!("CARGO_BIN_EXE_tideline"), "--db", db.to_str().unwrap()]);
    all.extend_from_slice(args);
    let output = offline("strace", &all);
    assert!(
        output.status.success(),
        "tideline {} failed offline: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    let calls = std::fs::read_to_string(trace.path()).unwrap();
    let internet: Vec<&str> = calls
        .lines()
        .filter(|call| call.contains("AF_INET"))
        .collect();
    assert!(
        internet.is_empty(),
        "tideline {} reached for the network: {internet:#?}",
        args.join(" ")
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_namespace_has_no_network() {
    let output = offline("cat", &["/proc/net/dev"]);
    assert!(output.status.success());
    let interfaces: Vec<String> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .skip(2)
        .filter_map(|line| line.split(':').next().map(|name| name.trim().to_owned()))
        .collect();
    assert_eq!(interfaces, ["lo"]);
    // Even the loopback is down: connecting anywhere fails at once.
    let output = offline("bash", &["-c", "exec 3<>/dev/tcp/127.0.0.1/9"]);
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("Network is unreachable"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_cli_works_with_no_network() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("offline.db");
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();

    assert!(tideline_offline(&db, &["sample"]).starts_with("wrote the sample workspace"));
    let csv = dir.path().join("extra.csv");
    std::fs::write(
        &csv,
        "title,start,source_url,source_title\nFiled offline,2024-05-01,https://example.org/f,Filing\n",
    )
    .unwrap();
    assert!(
        tideline_offline(&db, &["import", csv.to_str().unwrap()]).starts_with("imported 1 events")
    );
    tideline_offline(
        &db,
        &[
            "import",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../tests/fixtures/interop/markwhen-example.mw"
            ),
        ],
    );

    let magic: [(&str, &[u8]); 4] = [
        ("svg", b"<svg"),
        ("png", b"\x89PNG"),
        ("pdf", b"%PDF"),
        ("md", b"# "),
    ];
    for (format, starts) in magic {
        let file = out(&format!("sample.{format}"));
        tideline_offline(&db, &["export", SAMPLE, "--format", format, "--out", &file]);
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            bytes.starts_with(starts),
            "{format} starts {:?}",
            &bytes[..8.min(bytes.len())]
        );
    }
    tideline_offline(
        &db,
        &[
            "export",
            "--workspace",
            "--format",
            "tideline-json",
            "--out",
            &out("all.json"),
        ],
    );
    assert!(tideline_offline(&db, &["check"]).starts_with("ok: "));
    tideline_offline(&db, &["backup", "--out", &out("backup.db")]);
}
