//! A zero-filled file among good ones (a pre-allocated, half-finished
//! download looks like this): `ssr import-iati` stops reading it after a
//! bounded prefix, reports it as that file's error, and imports the rest.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn import(path: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ssr"))
        .arg("import-iati")
        .arg(path)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn programmes(out: &Output) -> usize {
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    doc.get("programmes").unwrap().as_array().unwrap().len()
}

#[test]
fn a_zero_filled_file_in_a_folder_is_that_files_error() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_zero_filled");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let good = Path::new("../tests/fixtures/iati/three-activities.xml");
    std::fs::copy(good, dir.join("good.xml")).unwrap();
    // 100 MiB of zeros, more than the 64 MiB read before giving up; sparse,
    // so it costs no disk.
    let zeros = std::fs::File::create(dir.join("zeros.xml")).unwrap();
    zeros.set_len(100 * 1024 * 1024).unwrap();
    drop(zeros);
    let alone = import(good);
    let both = import(&dir);
    let stderr = String::from_utf8_lossy(&both.stderr);
    // Error-level findings (the unreadable file among them): exit 1, the
    // document written all the same, with every programme of the good file.
    assert_eq!(both.status.code(), Some(1), "{stderr}");
    assert_eq!(programmes(&both), programmes(&alone));
    assert!(programmes(&both) > 0);
    assert!(stderr.contains("zeros.xml"), "{stderr}");
    assert!(stderr.contains("no markup"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}
