//! `cargo xtask`: the commands in README.md.
//!
//! - `run [-- APP ARGS]`: install missing system packages, build the UI and
//!   open the app: on the sample workspace, or as APP ARGS say.
//! - `test`: install what the tests need, then every check: formatting,
//!   clippy, the UI's typecheck, lint and unit tests, and all Rust tests,
//!   end-to-end ones in the real webview included.
//! - `bench [--db FILE] [--events N]`: the editor's figures on generated
//!   workspaces (evenly spread events, and the peer comparison's data) of
//!   1,000, 10,000 and 100,000 events, or on a workspace of one's own
//!   (docs/benchmarks.md); `bench --web`: the exported web page in Chromium
//!   and WebKitGTK.
//! - `codegen`: regenerate the TypeScript bindings in `ui/src/bindings/`.
//! - `fuzz [--seconds N]`: fuzz the date parser and every importer for N
//!   seconds of CPU time each (default 30); `test` runs it for 2 seconds each.
//! - `package [--measure]`: build the Linux package with cargo-deb and check
//!   what it holds; `--measure` installs it and measures the installed app's
//!   start-up and memory, then removes it again.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

/// Debian packages to build the app.
const BUILD_PACKAGES: &[&str] = &["build-essential", "pkg-config", "libwebkit2gtk-4.1-dev"];
/// Debian packages the tests need besides: a virtual display, WebKitGTK's
/// WebDriver, Chromium and its driver (to open the exported web page in a
/// second engine), `pdftotext` and `pdffonts` (to read exported PDFs), `strace`
/// (to see that the CLI opens no internet socket) and DejaVu (a font a
/// house style is made from).
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "chromium",
    "chromium-driver",
    "poppler-utils",
    "strace",
    "fonts-dejavu-core",
];
/// cargo-deb builds the Linux package; this version is installed when
/// another (or none) is found.
const CARGO_DEB_VERSION: &str = "3.8.0";
/// The name of the Linux package (`[package.metadata.deb]` in src-tauri/Cargo.toml).
const DEB_NAME: &str = "tideline";
/// What the package must hold: the binaries, the desktop entry, the file
/// type and the icons the desktop asks for most.
const DEB_FILES: &[&str] = &[
    "./usr/bin/tideline-app",
    "./usr/bin/tideline",
    "./usr/share/applications/tideline.desktop",
    "./usr/share/mime/packages/tideline.xml",
    "./usr/share/icons/hicolor/48x48/apps/tideline.png",
    "./usr/share/icons/hicolor/512x512/apps/tideline.png",
];
/// The package's size goal (docs/benchmarks.md).
const DEB_MAX_BYTES: u64 = 15_000_000;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = root();
    std::env::set_current_dir(&root)?;
    match args.first().map(String::as_str) {
        Some("run") => run_app(&args[1..]),
        Some("test") => test(),
        Some("codegen") => codegen(),
        Some("bench") => bench(&args[1..]),
        Some("fuzz") => fuzz(&args[1..]),
        Some("package") => package(&args[1..]),
        _ => bail!(
            "usage: cargo xtask run [-- APP ARGS] | test | bench [--db FILE] [--events N] | bench --web | codegen \
             | fuzz [--seconds N] | package [--measure]"
        ),
    }
}

/// The repo's root. `cargo run` names the manifest's directory at run time:
/// a shared target directory may hold an xtask built from another clone,
/// whose compile-time path would point there.
fn root() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    manifest
        .parent()
        .expect("xtask sits in the repo")
        .to_owned()
}

fn run_app(args: &[String]) -> anyhow::Result<()> {
    ensure_packages(BUILD_PACKAGES)?;
    build_ui()?;
    let mut app_args: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .skip_while(|a| *a == "--")
        .collect();
    // A first look is at the sample, a workspace of its own.
    if app_args.is_empty() {
        app_args.push("--sample");
    }
    let mut command = cargo(&["run", "--package", "tideline-app", "--"]);
    command.args(app_args);
    status(&mut command)
}

fn test() -> anyhow::Result<()> {
    ensure_packages(BUILD_PACKAGES)?;
    ensure_packages(TEST_PACKAGES)?;
    ensure_tauri_driver()?;
    step("UI: install, typecheck, lint, unit tests, build");
    build_ui()?;
    status(&mut npm(&["run", "typecheck"]))?;
    status(&mut npm(&["run", "lint"]))?;
    status(&mut npm(&["test"]))?;
    check_viewer()?;
    step("Rust: formatting");
    status(&mut cargo(&["fmt", "--all", "--check"]))?;
    step("Rust: clippy");
    status(&mut cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    step("Rust: build the app and the CLI");
    status(&mut cargo(&[
        "build",
        "--package",
        "tideline-app",
        "--package",
        "tideline-cli",
    ]))?;
    step("Rust: a short fuzz of the date parser and the importers");
    fuzz(&["--seconds".to_owned(), "2".to_owned()])?;
    step("Rust: every test, end-to-end ones included");
    let (passed, failed) = counted(&mut cargo(&["test", "--workspace"]))?;
    println!("\ntests: {passed} passed, {failed} failed");
    if failed > 0 {
        bail!("{failed} tests failed");
    }
    Ok(())
}

/// Runs `cargo test`, echoing its output, and adds up its `test result:` lines.
fn counted(command: &mut Command) -> anyhow::Result<(u64, u64)> {
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("could not start {command:?}"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let (mut passed, mut failed) = (0, 0);
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        println!("{line}");
        if let Some(result) = line.strip_prefix("test result: ") {
            passed += count_of(result, " passed");
            failed += count_of(result, " failed");
        }
    }
    let status = child.wait()?;
    if !status.success() && failed == 0 {
        bail!("{command:?} failed with {status}");
    }
    Ok((passed, failed))
}

/// The number before `label` in "ok. 5 passed; 0 failed; …".
fn count_of(result: &str, label: &str) -> u64 {
    result
        .split(';')
        .find_map(|part| {
            part.trim()
                .trim_start_matches("ok. ")
                .trim_start_matches("FAILED. ")
                .strip_suffix(label)
        })
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or(0)
}

/// The editor's figures at scale; see docs/benchmarks.md. `--db FILE`
/// measures an existing workspace (its largest timeline); `--events N`
/// generates only that size (evenly spread and peer data); `--web`
/// measures the exported web page instead.
fn bench(args: &[String]) -> anyhow::Result<()> {
    let mut pass = Vec::new();
    let mut bench = "editor";
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        if flag == "--web" {
            bench = "web_page";
            continue;
        }
        match (flag.as_str(), rest.next()) {
            ("--db", Some(file)) => pass.extend(["--db".to_owned(), file.clone()]),
            ("--events", Some(n)) if n.parse::<usize>().is_ok_and(|n| n > 0) => {
                pass.extend(["--events".to_owned(), n.clone()]);
            }
            _ => bail!("usage: cargo xtask bench [--db FILE] [--events N] | --web"),
        }
    }
    ensure_packages(BUILD_PACKAGES)?;
    ensure_packages(TEST_PACKAGES)?;
    ensure_tauri_driver()?;
    build_ui()?;
    let mut command = cargo(&[
        "bench",
        "--package",
        "tideline-tests",
        "--bench",
        bench,
        "--",
    ]);
    command.args(&pass);
    status(&mut command)
}

/// The stable-Rust mutation fuzzer in `crates/interop/examples/fuzz.rs`.
fn fuzz(args: &[String]) -> anyhow::Result<()> {
    let seconds = match args {
        [] => "30",
        [flag, seconds] if flag == "--seconds" => seconds.as_str(),
        _ => bail!("usage: cargo xtask fuzz [--seconds N]"),
    };
    status(&mut cargo(&[
        "run",
        "--release",
        "--package",
        "tideline-interop",
        "--example",
        "fuzz",
        "--",
        "--seconds",
        seconds,
    ]))
}

/// Builds the `.deb` (the UI, then the release app and CLI, through
/// cargo-deb), checks it and prints its path; see README.md, "Packaging".
fn package(args: &[String]) -> anyhow::Result<()> {
    let measure = match args {
        [] => false,
        [flag] if flag == "--measure" => true,
        _ => bail!("usage: cargo xtask package [--measure]"),
    };
    ensure_packages(BUILD_PACKAGES)?;
    ensure_cargo_deb()?;
    build_ui()?;
    step("building the .deb: the release app and CLI, stripped");
    // Built here rather than by cargo-deb, which builds the whole workspace
    // for binaries from two packages: other features, other artefacts.
    status(&mut cargo(&[
        "build",
        "--release",
        "--locked",
        "--package",
        "tideline-app",
        "--package",
        "tideline-cli",
    ]))?;
    // cargo-deb prints the package's path last.
    let deb = output(&mut cargo(&[
        "deb",
        "--package",
        "tideline-app",
        "--no-build",
    ]))?
    .lines()
    .last()
    .map(|line| PathBuf::from(line.trim()))
    .context("cargo deb did not print the package's path")?;
    check_package(&deb)?;
    if measure {
        measure_package(&deb)?;
    }
    Ok(())
}

/// Fails unless the package holds [`DEB_FILES`], depends on WebKitGTK and
/// is under [`DEB_MAX_BYTES`].
fn check_package(deb: &Path) -> anyhow::Result<()> {
    let size = std::fs::metadata(deb)
        .with_context(|| format!("no package at {}", deb.display()))?
        .len();
    let contents = output(Command::new("dpkg-deb").arg("--contents").arg(deb))?;
    let paths: Vec<&str> = contents
        .lines()
        .filter_map(|line| line.split_whitespace().nth(5))
        .collect();
    let missing: Vec<&str> = DEB_FILES
        .iter()
        .copied()
        .filter(|file| !paths.contains(file))
        .collect();
    if !missing.is_empty() {
        bail!("{} lacks {}", deb.display(), missing.join(", "));
    }
    let depends = output(
        Command::new("dpkg-deb")
            .arg("--field")
            .arg(deb)
            .arg("Depends"),
    )?;
    if !depends.contains("libwebkit2gtk-4.1-0") {
        bail!("{} does not depend on WebKitGTK: {depends}", deb.display());
    }
    if size > DEB_MAX_BYTES {
        bail!("{} is {size} bytes, over {DEB_MAX_BYTES}", deb.display());
    }
    println!(
        "package: {} ({:.1} MB)",
        deb.display(),
        size as f64 / 1_000_000.0
    );
    Ok(())
}

/// Installs the package, runs `tests/package/main.rs` on the installed app,
/// then removes the package unless it was installed before.
fn measure_package(deb: &Path) -> anyhow::Result<()> {
    ensure_packages(TEST_PACKAGES)?;
    ensure_tauri_driver()?;
    let was_installed = installed(DEB_NAME);
    step("installing the package");
    let mut install = as_root("apt-get");
    install
        .args(["install", "-y", "-qq", "--no-install-recommends"])
        .arg(std::path::absolute(deb)?)
        .env("DEBIAN_FRONTEND", "noninteractive");
    status(&mut install)?;
    step("measuring the installed app");
    let mut bench = cargo(&["bench", "--package", "tideline-tests", "--bench", "package"]);
    bench.env("TIDELINE_APP", "/usr/bin/tideline-app");
    let measured = status(&mut bench);
    if !was_installed {
        step("removing the package");
        status(as_root("dpkg").args(["--remove", DEB_NAME]))?;
    }
    measured
}

/// Installs cargo-deb [`CARGO_DEB_VERSION`] unless it is there.
fn ensure_cargo_deb() -> anyhow::Result<()> {
    let version = cargo(&["deb", "--version"]).output();
    if version.is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(CARGO_DEB_VERSION)) {
        return Ok(());
    }
    step(&format!("installing cargo-deb {CARGO_DEB_VERSION}"));
    status(&mut cargo(&[
        "install",
        "cargo-deb",
        "--version",
        CARGO_DEB_VERSION,
        "--locked",
    ]))
}

fn codegen() -> anyhow::Result<()> {
    let mut command = cargo(&["test", "--package", "tideline-store", "--test", "bindings"]);
    command.env("TIDELINE_UPDATE_BINDINGS", "1");
    status(&mut command)
}

fn build_ui() -> anyhow::Result<()> {
    if !Path::new("ui/node_modules/.package-lock.json").exists()
        || is_newer("ui/package-lock.json", "ui/node_modules/.package-lock.json")
    {
        ensure_node()?;
        status(&mut npm(&["ci", "--no-audit", "--no-fund"]))?;
    }
    status(&mut npm(&["run", "build"]))
}

/// The web page's viewer, inlined by the export crate from
/// `crates/export/src/viewer.js`, is what its source builds to.
fn check_viewer() -> anyhow::Result<()> {
    step("UI: the web page's viewer is built from its source");
    let out = std::env::temp_dir().join(format!("tideline-viewer-{}", std::process::id()));
    let out_dir = out.to_string_lossy().into_owned();
    status(&mut npm(&[
        "run",
        "build:viewer",
        "--",
        "--outDir",
        &out_dir,
    ]))?;
    let built = std::fs::read(out.join("viewer.js"))?;
    let _ = std::fs::remove_dir_all(&out);
    let kept = std::fs::read("crates/export/src/viewer.js")?;
    if built != kept {
        bail!(
            "crates/export/src/viewer.js is not what ui/src/viewer builds to: run `npm run build:viewer` in ui/ and commit it"
        );
    }
    Ok(())
}

fn is_newer(a: &str, b: &str) -> bool {
    let modified = |p: &str| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    matches!((modified(a), modified(b)), (Some(a), Some(b)) if a > b)
}

fn ensure_node() -> anyhow::Result<()> {
    if Command::new("npm")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return Ok(());
    }
    ensure_packages(&["nodejs", "npm"])
}

/// Installs the Debian packages that are missing, with sudo when not root.
fn ensure_packages(packages: &[&str]) -> anyhow::Result<()> {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|package| !installed(package))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    step(&format!(
        "installing system packages: {}",
        missing.join(" ")
    ));
    let apt = |args: &[&str]| {
        let mut command = as_root("apt-get");
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    status(&mut apt(&["update", "-qq"]))?;
    let mut install = apt(&["install", "-y", "-qq", "--no-install-recommends"]);
    install.args(&missing);
    status(&mut install)
}

fn installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
}

/// `program`, through sudo when not root.
fn as_root(program: &str) -> Command {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    if root {
        Command::new(program)
    } else {
        let mut command = Command::new("sudo");
        command.arg(program);
        command
    }
}

/// tauri-driver bridges WebDriver to WebKitWebDriver for the end-to-end tests.
fn ensure_tauri_driver() -> anyhow::Result<()> {
    if Command::new("tauri-driver").arg("--help").output().is_ok() {
        return Ok(());
    }
    step("installing tauri-driver");
    status(&mut cargo(&["install", "tauri-driver", "--locked"]))
}

fn cargo(args: &[&str]) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    command.args(args);
    command
}

fn npm(args: &[&str]) -> Command {
    let mut command = Command::new("npm");
    command.args(args).current_dir("ui");
    command
}

fn status(command: &mut Command) -> anyhow::Result<()> {
    let status = command
        .status()
        .with_context(|| format!("could not start {command:?}"))?;
    if !status.success() {
        bail!("{command:?} failed with {status}");
    }
    Ok(())
}

/// Runs `command` and returns its standard output.
fn output(command: &mut Command) -> anyhow::Result<String> {
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("could not start {command:?}"))?;
    if !output.status.success() {
        bail!("{command:?} failed with {}", output.status);
    }
    Ok(String::from_utf8(output.stdout)?)
}

fn step(what: &str) {
    eprintln!("\n==> {what}");
}
