//! The library at scale: a workspace of 100,000 events, listed whole. End
//! in the list reaches the last match of all, Home the first, the arrows
//! keep the focused row in view, the scroll bar reaches the bottom, and a
//! search that narrows the matches still reaches its own last one; the
//! count and each row's place in the set say how many match.

use fantoccini::key::Key;
use serde_json::{Value, json};
use tideline_store::Workspace;
use tideline_store::views::EventFilter;
use tideline_tests::{WAIT, generate_workspace};

use crate::support::{App, wait_css};

const EVENTS: usize = 100_000;
const ITEM: &str = r#"[data-testid="library-item"]"#;
/// A search for the generated events whose number starts with 4.
const SEARCH: &str = "generated event 4";
/// How many times Down is pressed from the first row: more rows than the
/// list shows at once.
const DOWNS: u32 = 12;
/// The app is ready once the library lists an event.
const READY: &str = r#"//*[@data-testid="library-item"]"#;

/// An event's id and its place in the list, as the store orders the matches.
#[derive(Debug)]
struct Row {
    id: i64,
    /// From 1, as aria-posinset counts.
    place: u32,
}

/// The matches of `filter` in the store's order: the first, the one
/// before the last and the last, and how many there are.
struct Matches {
    first: Row,
    /// The row twelve Downs from the first: below the first view.
    down: Row,
    before_last: Row,
    last: Row,
    total: u32,
}

fn matches(workspace: &Workspace, filter: &EventFilter) -> anyhow::Result<Matches> {
    let at = |offset: u32| -> anyhow::Result<(Row, u32)> {
        let page = workspace.events_page(&EventFilter {
            offset: Some(offset),
            limit: Some(1),
            ..filter.clone()
        })?;
        let event = page
            .events
            .first()
            .ok_or_else(|| anyhow::anyhow!("no match at {offset}"))?;
        let row = Row {
            id: event.facts.id,
            place: offset + 1,
        };
        Ok((row, page.total))
    };
    let (first, total) = at(0)?;
    Ok(Matches {
        first,
        down: at(DOWNS)?.0,
        before_last: at(total - 2)?.0,
        last: at(total - 1)?.0,
        total,
    })
}

/// 100000 as the UI writes it: "100,000".
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// What the focused element is, for the library: its event, its place and
/// the set's size, and whether it is wholly inside the list's view.
const FOCUSED: &str = r#"
const active = document.activeElement;
const list = document.querySelector(".library-list");
if (!active || active.dataset.testid !== "library-item" || !list) {
  return { testid: active?.dataset.testid ?? active?.tagName ?? null };
}
const row = active.getBoundingClientRect();
const view = list.getBoundingClientRect();
return {
  id: Number(active.dataset.eventId),
  place: active.getAttribute("aria-posinset"),
  size: active.getAttribute("aria-setsize"),
  in_view: row.top >= view.top - 0.5 && row.bottom <= view.bottom + 0.5,
};
"#;

/// Whether the row `id` at `place` of `size` is drawn wholly in view.
const SHOWN: &str = r#"
const [id, place, size] = arguments;
const row = document.querySelector(`[data-testid="library-item"][data-event-id="${id}"]`);
const list = document.querySelector(".library-list");
if (!row || !list) return false;
const box = row.getBoundingClientRect();
const view = list.getBoundingClientRect();
return row.getAttribute("aria-posinset") === place && row.getAttribute("aria-setsize") === size
  && box.top >= view.top - 0.5 && box.bottom <= view.bottom + 0.5;
"#;

/// Where the list is scrolled and which rows it draws, for a failure's message.
const LIST_STATE: &str = r#"
const list = document.querySelector(".library-list");
if (!list) return null;
const view = list.getBoundingClientRect();
return {
  scroll_top: list.scrollTop,
  scroll_height: list.scrollHeight,
  client_height: list.clientHeight,
  view: [view.top, view.bottom],
  rows: [...list.querySelectorAll('[data-testid="library-item"]')].map((row) => {
    const box = row.getBoundingClientRect();
    return [row.getAttribute("aria-posinset"), Math.round(box.top), Math.round(box.bottom)];
  }),
  gaps: list.querySelectorAll(".library-gap").length,
};
"#;

impl App {
    /// Waits until `script` (with `args`) returns `expected`.
    async fn wait_script(
        &self,
        what: &str,
        script: &str,
        args: Vec<Value>,
        expected: &Value,
    ) -> anyhow::Result<()> {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let got = self.client.execute(script, args.clone()).await?;
            if &got == expected {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                let list = self.client.execute(LIST_STATE, vec![]).await?;
                anyhow::bail!("{what}: got {got}, not {expected}; the list: {list}");
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
    }

    /// Waits until the library's row `row` of `size` has focus, wholly in view.
    async fn wait_library_focus(&self, row: &Row, size: u32) -> anyhow::Result<()> {
        let expected = json!({
            "id": row.id,
            "place": row.place.to_string(),
            "size": size.to_string(),
            "in_view": true,
        });
        self.wait_script(
            &format!("row {} ({row:?}) focused", row.place),
            FOCUSED,
            vec![],
            &expected,
        )
        .await
    }

    /// Waits until the library draws the row `row` of `size` wholly in view.
    async fn wait_shown(&self, row: &Row, size: u32) -> anyhow::Result<()> {
        let args = vec![
            json!(row.id),
            json!(row.place.to_string()),
            json!(size.to_string()),
        ];
        self.wait_script(&format!("{row:?} shown"), SHOWN, args, &json!(true))
            .await
    }

    /// Waits until the library's count says `total`.
    async fn wait_library_count(&self, total: u32) -> anyhow::Result<()> {
        let script = r#"return document.querySelector('[data-testid="library-count"]')?.textContent ?? null;"#;
        self.wait_script(
            "the library's count",
            script,
            vec![],
            &json!(thousands(total)),
        )
        .await
    }

    /// Presses `key` in the library's list, on its one Tab stop.
    async fn library_key(&self, key: Key) -> anyhow::Result<()> {
        let active = self.client.active_element().await?;
        let in_list = active.attr("data-testid").await?.as_deref() == Some("library-item");
        let target = if in_list {
            active
        } else {
            wait_css(&self.client, &format!(r#"{ITEM}[tabindex="0"]"#)).await?
        };
        target.send_keys(&char::from(key).to_string()).await?;
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_library_scrolls_to_the_last_of_100_000_events_and_of_a_search() -> anyhow::Result<()> {
    let (app, (all, search)) = App::start_ready("large.db", READY, |_, path| {
        generate_workspace(path, EVENTS)?;
        let workspace = Workspace::open_existing(path)?;
        let all = matches(&workspace, &EventFilter::default())?;
        let search = matches(
            &workspace,
            &EventFilter {
                query: Some(SEARCH.to_owned()),
                ..EventFilter::default()
            },
        )?;
        Ok((all, search))
    })
    .await?;
    let total = all.total;
    assert_eq!(total as usize, EVENTS);
    app.wait_library_count(total).await?;

    // End: the last event of all, fetched, scrolled to and focused.
    app.library_key(Key::End).await?;
    app.wait_library_focus(&all.last, total).await?;
    app.screenshot("library-100000-end.png").await?;
    // Up keeps the row above in view; Home goes back to the first.
    app.library_key(Key::Up).await?;
    app.wait_library_focus(&all.before_last, total).await?;
    app.library_key(Key::Home).await?;
    app.wait_library_focus(&all.first, total).await?;
    let downs: String = std::iter::repeat_n(char::from(Key::Down), DOWNS as usize).collect();
    app.client.active_element().await?.send_keys(&downs).await?;
    app.wait_library_focus(&all.down, total).await?;

    // Halfway down the scroll bar shows rows from the middle of the list,
    // and at the bottom the last row.
    let scroll = r#"const list = document.querySelector(".library-list");
        list.scrollTop = (list.scrollHeight - list.clientHeight) * arguments[0];"#;
    app.client.execute(scroll, vec![json!(0.5)]).await?;
    // Rows near the middle, drawn whole: no row still waiting for its page.
    let middle = r#"return document.querySelector(".library-gap") === null
        && [...document.querySelectorAll('[data-testid="library-item"]')]
          .some((row) => Math.abs(Number(row.getAttribute("aria-posinset")) - arguments[0]) < 50);"#;
    app.wait_script(
        "rows from the middle of the list, every one fetched",
        middle,
        vec![json!(total / 2)],
        &json!(true),
    )
    .await?;
    app.screenshot("library-100000-middle.png").await?;
    app.client.execute(scroll, vec![json!(1)]).await?;
    app.wait_shown(&all.last, total).await?;

    // A search narrows the list; End still reaches its last match.
    let matched = search.total;
    assert!(matched > 1_000 && (matched as usize) < EVENTS, "{matched}");
    app.by_testid("library-search")
        .await?
        .send_keys(SEARCH)
        .await?;
    app.wait_library_count(matched).await?;
    let footer = app.by_testid("library-matches").await?.text().await?;
    assert_eq!(footer, format!("{} matches", thousands(matched)));
    app.wait_shown(&search.first, matched).await?;
    app.library_key(Key::End).await?;
    app.wait_library_focus(&search.last, matched).await?;
    app.screenshot("library-search-end.png").await?;
    app.close().await
}
