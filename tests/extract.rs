//! `aidledger extract` run as a user runs it.

mod common;

use common::*;
use std::fs;

#[test]
fn sample_articles_give_their_figures_as_jsonl() {
    let out = run(&["extract", "--format", "jsonl", "data/articles"], &project());
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&stdout(&out));
    // 4 single-article files, 7 JSON Lines articles (two feeds), 2 CSV rows.
    assert_eq!(docs.len(), 13);
    let harbor = docs.iter().find(|d| d["outlet"] == "Harbor Gazette").expect("the dateline gives the outlet");
    assert_eq!(harbor["published"], "2024-03-13");
    let values: Vec<(&str, &str, &str)> = harbor["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["value"].as_str().unwrap(), m["currency"].as_str().unwrap(), m["qualifier"].as_str().unwrap()))
        .collect();
    assert_eq!(values, [("278000000000", "USD", "more_than"), ("60000000000", "USD", "exact")]);
    // Every mention carries the corpus schema's fields, values as decimal strings.
    for d in &docs {
        for m in d["mentions"].as_array().unwrap() {
            for key in [
                "start",
                "end",
                "surface",
                "value",
                "value_max",
                "currency",
                "qualifier",
                "sentence",
                "category",
                "status",
                "donor",
                "recipient",
                "source",
                "aid_to_ukraine",
            ] {
                assert!(m.get(key).is_some(), "mention lacks {key}: {m}");
            }
            assert!(m["value"].is_string());
        }
    }
    // The wire dateline without a year takes it from the file name.
    let wire = docs.iter().find(|d| d["outlet"] == "Northline Wire").unwrap();
    assert_eq!(wire["published"], "2024-04-24");
    // HTML: meta tags give title, date, outlet and address; scripts and navigation give no figures.
    let html = docs.iter().find(|d| d["outlet"] == "The Ledger Review").unwrap();
    assert_eq!(html["published"], "2024-04-20");
    assert_eq!(html["url"], "https://ledger-review.example/2024/04/20/house-clears-aid");
    let surfaces: Vec<&str> =
        html["mentions"].as_array().unwrap().iter().map(|m| m["surface"].as_str().unwrap()).collect();
    assert!(!surfaces.iter().any(|s| *s == "$1" || *s == "$500"), "{surfaces:?}");
}

#[test]
fn the_same_article_read_twice_keeps_one_id() {
    let a = run(&["extract", "--format", "jsonl", "data/articles/harbor-gazette-2024-03-13.txt"], &project());
    let b = run(&["extract", "--format", "jsonl", "data/articles/harbor-gazette-2024-03-13.txt"], &project());
    assert_eq!(json_lines(&stdout(&a))[0]["id"], json_lines(&stdout(&b))[0]["id"]);
}

#[test]
fn standard_input_is_read_and_sniffed() {
    let out =
        run_stdin(&["extract", "--format", "jsonl", "-"], b"{\"id\": \"s1\", \"text\": \"It sent EUR 50 billion.\"}\n");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = json_lines(&stdout(&out));
    assert_eq!(docs[0]["id"], "s1");
    assert_eq!(docs[0]["mentions"][0]["value"], "50000000000");
    assert_eq!(docs[0]["mentions"][0]["currency"], "EUR");
}

#[test]
fn input_format_overrides_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("feed.dat"), "{\"id\": \"x\", \"text\": \"A $5 billion plan.\"}\n").unwrap();
    let out = run(&["extract", "--format", "jsonl", "--input-format", "jsonl", "feed.dat"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&stdout(&out))[0]["id"], "x");
    let bad = run(&["extract", "--input-format", "pdf", "feed.dat"], dir.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("unknown --input-format \"pdf\""));
}

#[test]
fn bad_inputs_are_named_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("a-good.txt"), "March 13, 2024 (Wire) - It gave $5 billion.").unwrap();
    fs::write(p.join("b-binary.txt"), b"\x00\x01\x02 $5").unwrap();
    fs::write(p.join("c-latin1.txt"), b"caf\xe9 $5 billion").unwrap();
    fs::write(p.join("d-empty.txt"), b"").unwrap();
    fs::write(
        p.join("e-feed.jsonl"),
        "{\"id\": \"ok\", \"text\": \"\\u20ac3 billion\"}\n{broken\n{\"id\": \"ok2\", \"text\": \"$1 billion\"}\n",
    )
    .unwrap();
    fs::write(p.join("f-desk.csv"), "id,text\nr1,$2 billion\nr2,x,extra\n").unwrap();
    let out = run(&["extract", "--format", "jsonl", "."], p);
    assert_eq!(out.status.code(), Some(1), "a failed input makes the exit code non-zero");
    let err = stderr(&out);
    for want in [
        "./b-binary.txt: binary file",
        "./d-empty.txt: empty file",
        "./e-feed.jsonl:2: not JSON",
        "./f-desk.csv:3: bad CSV record: 3 fields where the header has 2",
    ] {
        assert!(err.contains(want), "stderr lacks {want:?}:\n{err}");
    }
    assert!(!err.contains("panicked"));
    let ids: Vec<String> = json_lines(&stdout(&out)).iter().map(|d| d["id"].as_str().unwrap().to_string()).collect();
    assert!(
        ids.contains(&"ok".to_string()) && ids.contains(&"ok2".to_string()) && ids.contains(&"r1".to_string()),
        "{ids:?}"
    );
    // Latin-1 is decoded, not refused.
    assert_eq!(ids.len(), 5, "the good text file, the Latin-1 one, two JSON lines and one CSV row: {ids:?}");
    // A path that does not exist stops the command before it reads anything.
    let out = run(&["extract", "--format", "jsonl", ".", "missing.txt"], p);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.txt: no such file or folder"), "{}", stderr(&out));
    assert!(stdout(&out).is_empty());
}

#[test]
fn csv_output_has_a_header_and_escapes_formulas() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("f.jsonl"),
        "{\"id\": \"=cmd\", \"outlet\": \"@evil\", \"text\": \"Aid: $61 billion, up from $40-50 billion.\"}\n",
    )
    .unwrap();
    let out = run(&["extract", "--format", "csv", "f.jsonl"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header[..3], ["article_id", "outlet", "published"]);
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "'=cmd");
    assert_eq!(&rows[0][1], "'@evil");
    assert_eq!((&rows[1][7], &rows[1][8], &rows[1][10]), ("40000000000", "50000000000", "range"));
}

#[test]
fn table_output_lists_each_mention() {
    let out = run(&["extract", "data/articles/continental-post-2024-02-01.txt"], &project());
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("article"));
    assert!(text.contains("50 milliards d'euros"));
    assert_eq!(text.lines().count(), 1 + 8, "{text}");
}

#[test]
fn the_seed_article_gives_exactly_its_two_figures() {
    let Some(shared) = shared("the seed article test") else { return };
    let seed = shared.join("seed/menafn-2024-03-13.txt");
    let out = run(&["extract", "--format", "jsonl", seed.to_str().unwrap()], &project());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &json_lines(&stdout(&out))[0];
    assert_eq!(doc["outlet"], "MENAFN");
    assert_eq!(doc["published"], "2024-03-13");
    let got: Vec<(&str, &str, &str, &str)> = doc["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["surface"].as_str().unwrap(),
                m["value"].as_str().unwrap(),
                m["currency"].as_str().unwrap(),
                m["qualifier"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("USD278 billion", "278000000000", "USD", "more_than"), ("USD60 billion", "60000000000", "USD", "exact")]
    );
    // What each measures: the allies' running total from the Kiel
    // Institute, and a US package still before Congress.
    let labels: Vec<[&str; 4]> = doc["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| ["donor", "recipient", "source", "status"].map(|k| m[k].as_str().unwrap_or("null")))
        .collect();
    assert_eq!(labels[0][..3], ["All donors", "Ukraine", "Kiel Institute"]);
    assert_eq!(labels[1][0..2], ["United States", "Ukraine"]);
    assert_eq!(labels[1][3], "pending");
    let metric0 = doc["mentions"][0]["metric"].as_str().unwrap();
    assert!(metric0.starts_with("all-donors/ukraine/") && metric0.ends_with("/running-total"), "{metric0}");
}

#[test]
fn a_folder_linked_into_itself_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("news");
    fs::create_dir(&sub).unwrap();
    fs::write(sub.join("a.txt"), "It gave $5 billion.").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path(), sub.join("loop")).unwrap();
    let out = run(&["extract", "--format", "jsonl", "."], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json_lines(&stdout(&out)).len(), 1);
}

#[test]
fn countries_the_lexicon_does_not_name_give_and_receive() {
    // Neither Sudan, Sweden nor Pakistan is an actor of the shipped
    // lexicon: the gazetteer's countries give or receive by the words
    // before them, and a body keeps its full name.
    let text = "The World Bank approved $500 million for Sudan on Tuesday.\n\n\
                Sweden pledged EUR 1.1 billion to Ukraine, and the IMF agreed $1 billion for Pakistan.\n";
    let out = run_stdin(&["extract", "--format", "jsonl", "-"], text.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &json_lines(&stdout(&out))[0];
    let got: Vec<[&str; 3]> = doc["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| ["surface", "donor", "recipient"].map(|k| m[k].as_str().unwrap_or("null")))
        .collect();
    assert_eq!(
        got,
        [
            ["$500 million", "World Bank", "Sudan"],
            ["EUR 1.1 billion", "Sweden", "Ukraine"],
            ["$1 billion", "International Monetary Fund", "Pakistan"],
        ]
    );
}
