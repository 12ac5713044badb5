//! The direction of imports, read from the code as Rust (with `syn`): every `use` tree,
//! `use crate::{…}` groups included, every path in code and in macros, and `super::super::`
//! resolved against where the file sits in the module tree (`#[path]` and inline modules too).
//!
//! - The model is pure: no window, chart, file-system or file-format code.
//! - The document (`src/document/`) is headless and sits just above the model: it imports only
//!   `model` and `file`.
//! - The headless layers never reach the app, its state, the panels or egui, so the command
//!   line and the exports work without a window.
//! - The state that panels read never reaches the panels or the frame loop, and the panels
//!   never reach the frame loop (`crate::app`): they read [`trh::state::State`] and queue
//!   actions.
//! - No import circle between modules that are not each other's ancestors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// A module: its path in the crate, its file, and the absolute paths its code names.
struct Module {
    path: Vec<String>,
    file: PathBuf,
    refs: Vec<Vec<String>>,
    /// Compiled for tests only (`#[cfg(test)]`, or inside such a module): fixtures may load
    /// files and shipped methods, so the rules below leave these out.
    test: bool,
}

/// Reads the crate's module tree from `src/lib.rs` down.
fn modules() -> Vec<Module> {
    let mut out = Vec::new();
    let lib = Path::new(SRC).join("lib.rs");
    read_file(&lib, (Vec::new(), false), Path::new(SRC), &mut out);
    out.retain(|m| !m.test);
    out
}

/// Whether an item is `#[cfg(test)]`.
fn test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg") && a.parse_args::<syn::Ident>().is_ok_and(|i| i == "test")
    })
}

fn read_file(file: &Path, path: (Vec<String>, bool), dir: &Path, out: &mut Vec<Module>) {
    let text = std::fs::read_to_string(file).expect("read");
    let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    read_items(&parsed.items, path, file, dir, out);
}

/// `dir` is where this module's child files live.
fn read_items(
    items: &[syn::Item],
    (path, test): (Vec<String>, bool),
    file: &Path,
    dir: &Path,
    out: &mut Vec<Module>,
) {
    let mut refs = Refs {
        here: path.clone(),
        found: Vec::new(),
    };
    for item in items {
        if let syn::Item::Mod(m) = item {
            let name = m.ident.to_string();
            let mut child = path.clone();
            child.push(name.clone());
            let child = (child, test || test_only(&m.attrs));
            if let Some((_, inner)) = &m.content {
                read_items(inner, child, file, &dir.join(&name), out);
                continue;
            }
            let explicit = m.attrs.iter().find_map(|a| match &a.meta {
                syn::Meta::NameValue(nv) if nv.path.is_ident("path") => match &nv.value {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(s),
                        ..
                    }) => Some(s.value()),
                    _ => None,
                },
                _ => None,
            });
            let (child_file, child_dir) = match explicit {
                Some(p) => {
                    let f = file.parent().expect("dir").join(p);
                    let d = f.with_extension("");
                    (f, d)
                }
                None => {
                    let flat = dir.join(format!("{name}.rs"));
                    if flat.exists() {
                        (flat, dir.join(&name))
                    } else {
                        (dir.join(&name).join("mod.rs"), dir.join(&name))
                    }
                }
            };
            read_file(&child_file, child, &child_dir, out);
        } else {
            refs.visit_item(item);
        }
    }
    out.push(Module {
        path,
        file: file.to_owned(),
        refs: refs.found,
        test,
    });
}

/// Collects the absolute paths named by `crate::`, `super::` and `self::` paths.
struct Refs {
    here: Vec<String>,
    found: Vec<Vec<String>>,
}

impl Refs {
    fn add(&mut self, segments: &[String]) {
        let mut abs = self.here.clone();
        let mut rest = segments;
        match rest.first().map(String::as_str) {
            Some("crate") => {
                abs.clear();
                rest = &rest[1..];
            }
            Some("super") => {
                while rest.first().map(String::as_str) == Some("super") {
                    abs.pop();
                    rest = &rest[1..];
                }
            }
            Some("self") => rest = &rest[1..],
            _ => return,
        }
        abs.extend(rest.iter().filter(|s| *s != "*").cloned());
        self.found.push(abs);
    }

    fn use_tree(&mut self, prefix: &mut Vec<String>, tree: &syn::UseTree) {
        match tree {
            syn::UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                self.use_tree(prefix, &p.tree);
                prefix.pop();
            }
            syn::UseTree::Name(n) => {
                prefix.push(n.ident.to_string());
                self.add(&prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Rename(r) => {
                prefix.push(r.ident.to_string());
                self.add(&prefix.clone());
                prefix.pop();
            }
            syn::UseTree::Glob(_) => self.add(&prefix.clone()),
            syn::UseTree::Group(g) => {
                for t in &g.items {
                    self.use_tree(prefix, t);
                }
            }
        }
    }
}

impl<'ast> Visit<'ast> for Refs {
    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        self.use_tree(&mut Vec::new(), &u.tree);
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let segments: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        self.add(&segments);
        syn::visit::visit_path(self, p);
    }

    fn visit_item_mod(&mut self, _: &'ast syn::ItemMod) {
        // Inline modules are read as modules of their own.
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // Paths inside macro calls (`matches!`, `format!` arguments): read from the tokens.
        let text = m.tokens.to_string();
        let words: Vec<&str> = text.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            if !matches!(*w, "crate" | "super" | "self") || (i > 0 && words[i - 1] == "::") {
                continue;
            }
            let mut segs = vec![(*w).to_owned()];
            let mut j = i + 1;
            while words.get(j) == Some(&"::")
                && let Some(next) = words.get(j + 1)
                && next.chars().all(|c| c.is_alphanumeric() || c == '_')
            {
                segs.push((*next).to_owned());
                j += 2;
            }
            if segs.len() > 1 {
                self.add(&segs);
            }
        }
        syn::visit::visit_macro(self, m);
    }
}

/// The layer a module belongs to: its first segment (`model`, `ui`, `look`, ...).
fn layer(path: &[String]) -> &str {
    path.first().map_or("", String::as_str)
}

/// Layer → the layers it reaches, over the whole crate, with an example of each.
fn layer_edges(mods: &[Module]) -> BTreeMap<String, BTreeMap<String, String>> {
    let tops: BTreeSet<&str> = mods.iter().map(|m| layer(&m.path)).collect();
    let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for m in mods {
        for r in &m.refs {
            let to = layer(r);
            if to != layer(&m.path) && tops.contains(to) {
                edges
                    .entry(layer(&m.path).to_owned())
                    .or_default()
                    .entry(to.to_owned())
                    .or_insert_with(|| format!("{} names {}", m.file.display(), r.join("::")));
            }
        }
    }
    edges
}

/// Checks that each layer in `layers` reaches only `allowed` layers (besides itself).
fn only(mods: &[Module], layers: &[&str], allowed: &[&str]) {
    let edges = layer_edges(mods);
    let mut seen = 0;
    for l in layers {
        assert!(
            mods.iter().any(|m| layer(&m.path) == *l),
            "no module {l}: the test is out of date"
        );
        for (to, example) in edges.get(*l).into_iter().flatten() {
            assert!(
                allowed.contains(&to.as_str()),
                "{l} may not import {to}: {example}"
            );
            seen += 1;
        }
    }
    assert!(
        seen > 0 || allowed.is_empty(),
        "nothing read for {layers:?}"
    );
}

/// Checks that no code line of the files under `parts` contains any of `forbidden` (crates
/// and std modules, which the module tree does not name).
fn no_words(parts: &[&str], forbidden: &[&str]) -> usize {
    let mut files = 0;
    for part in parts {
        let path = Path::new(SRC).join(part);
        assert!(path.exists(), "{} is missing", path.display());
        for file in rust_files(&path) {
            files += 1;
            let text = std::fs::read_to_string(&file).expect("read");
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for word in forbidden {
                    assert!(
                        !line.contains(word),
                        "{} uses {word}: {line}",
                        file.display()
                    );
                }
            }
        }
    }
    files
}

fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        let mut v = Vec::new();
        for entry in std::fs::read_dir(path).expect("folder") {
            v.extend(rust_files(&entry.expect("entry").path()));
        }
        v
    } else if path.extension().is_some_and(|e| e == "rs") {
        vec![path.to_owned()]
    } else {
        Vec::new()
    }
}

#[test]
fn the_reader_sees_groups_super_paths_and_macros() {
    let mods = modules();
    assert!(mods.len() > 120, "only {} modules", mods.len());
    let find = |p: &str| {
        mods.iter()
            .find(|m| m.path.join("::") == p)
            .unwrap_or_else(|| panic!("no module {p}"))
    };
    let names =
        |p: &str| -> BTreeSet<String> { find(p).refs.iter().map(|r| r.join("::")).collect() };
    // `use crate::{a, b::c}` groups.
    let app = names("app::apply");
    assert!(app.contains("model::edit::fresh_theme_id"), "{app:?}");
    // `super::` resolved against the module tree.
    let kiosk = names("live::kiosk");
    assert!(kiosk.contains("live::session::Session"), "{kiosk:?}");
    assert!(kiosk.contains("document::Document"), "{kiosk:?}");
}

#[test]
fn the_model_is_pure() {
    let mods = modules();
    only(&mods, &["model"], &[]);
    let n = no_words(
        &["model"],
        &[
            "egui",
            "eframe",
            "plotters",
            "std::fs",
            "std::io",
            "std::path",
            "rfd",
            "ron::",
            "tokio",
            "axum",
        ],
    );
    assert!(n >= 5, "only {n} files checked");
}

#[test]
fn the_document_imports_only_the_model_and_files() {
    only(&modules(), &["document"], &["model", "file"]);
}

#[test]
fn headless_layers_never_reach_the_app_its_state_or_egui() {
    let mods = modules();
    let headless = [
        "model", "document", "file", "report", "import", "export", "chart", "look", "methods",
        "generate", "live",
    ];
    let edges = layer_edges(&mods);
    for l in headless {
        for (to, example) in edges.get(l).into_iter().flatten() {
            assert!(
                !matches!(to.as_str(), "app" | "ui" | "state" | "cli"),
                "{l} may not import {to}: {example}"
            );
        }
    }
    let n = no_words(
        &[
            "model",
            "document",
            "file",
            "report",
            "import",
            "export",
            "chart",
            "look.rs",
            "methods.rs",
            "generate",
            "live",
        ],
        &["egui", "eframe", "rfd"],
    );
    assert!(n >= 30, "only {n} files checked");
}

#[test]
fn state_never_reaches_the_panels_or_the_frame_loop() {
    let mods = modules();
    let edges = layer_edges(&mods);
    for (to, example) in edges.get("state").into_iter().flatten() {
        assert!(
            !matches!(to.as_str(), "app" | "ui" | "cli"),
            "state may not import {to}: {example}"
        );
    }
    // Of the exports, the state names only what a person asks for (the request and its
    // format), never the code that makes the files or works out figures.
    for m in mods.iter().filter(|m| layer(&m.path) == "state") {
        for r in m.refs.iter().filter(|r| layer(r) == "export") {
            let what = r.join("::");
            assert!(
                matches!(
                    what.as_str(),
                    "export::ExportRequest" | "export::ExportFormat"
                ),
                "{} names {what}",
                m.file.display()
            );
        }
    }
    no_words(&["state"], &["rfd", "eframe"]);
}

#[test]
fn panels_never_reach_the_frame_loop() {
    let mods = modules();
    let edges = layer_edges(&mods);
    for (to, example) in edges.get("ui").into_iter().flatten() {
        assert!(
            !matches!(to.as_str(), "app" | "cli"),
            "ui may not import {to}: {example}"
        );
    }
    no_words(&["ui"], &["TrhApp", "rfd"]);
}

/// Module → modules it names, leaving out its own ancestors and descendants (a parent
/// declares and re-exports its children; that is not a circle).
fn module_edges(mods: &[Module]) -> BTreeMap<String, BTreeSet<String>> {
    let known: BTreeSet<Vec<String>> = mods.iter().map(|m| m.path.clone()).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in mods {
        for r in &m.refs {
            // The longest prefix of the named path that is a module.
            let Some(target) = (1..=r.len())
                .rev()
                .map(|n| r[..n].to_vec())
                .find(|p| known.contains(p))
            else {
                continue;
            };
            let related = target.starts_with(&m.path) || m.path.starts_with(&target);
            if !related {
                edges
                    .entry(m.path.join("::"))
                    .or_default()
                    .insert(target.join("::"));
            }
        }
    }
    edges
}

/// The strongly connected groups of more than one module (Tarjan).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    impl<'a> T<'a> {
        fn go(&mut self, v: &'a str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            self.on.insert(v);
            for w in self.edges.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.go(w);
                    let lw = self.low[w];
                    let lv = self.low.get_mut(v).expect("v");
                    *lv = (*lv).min(lw);
                } else if self.on.contains(w) {
                    let iw = self.index[w];
                    let lv = self.low.get_mut(v).expect("v");
                    *lv = (*lv).min(iw);
                }
            }
            if self.low[v] == self.index[v] {
                let mut group = Vec::new();
                while let Some(w) = self.stack.pop() {
                    self.on.remove(w);
                    group.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.out.push(group);
                }
            }
        }
    }
    let mut t = T {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in edges.keys() {
        if !t.index.contains_key(v.as_str()) {
            t.go(v);
        }
    }
    t.out
}

#[test]
fn circle_finder_finds_a_circle() {
    let mut e = BTreeMap::new();
    e.insert("a".to_owned(), BTreeSet::from(["b".to_owned()]));
    e.insert("b".to_owned(), BTreeSet::from(["c".to_owned()]));
    e.insert(
        "c".to_owned(),
        BTreeSet::from(["a".to_owned(), "d".to_owned()]),
    );
    assert_eq!(circles(&e), vec![vec!["a", "b", "c"]]);
}

#[test]
fn no_import_circles() {
    let found: Vec<String> = circles(&module_edges(&modules()))
        .iter()
        .map(|g| g.join(" ↔ "))
        .collect();
    assert!(
        found.is_empty(),
        "{} import circles:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// Families are folders (`model/ranking/`, `model/edit/`, ...): no file reaches a sibling's
/// child through `#[path]`, so the tree says what belongs together.
#[test]
fn no_path_attributes() {
    let n = no_words(&["."], &["#[path"]);
    assert!(n > 150, "only {n} files checked");
}

/// Every function in `src/` with its length in lines, from `fn` to its closing brace, and
/// whether it is a match table.
fn function_lengths() -> Vec<(String, usize, bool)> {
    struct Fns {
        file: String,
        out: Vec<(String, usize, bool)>,
    }
    impl Fns {
        fn add(&mut self, name: &syn::Ident, start: usize, block: &syn::Block) {
            let lines = block.brace_token.span.close().start().line + 1 - start;
            // A match table: at most three statements, one of them a `match` of six arms or
            // more (alone, or bound by a `let`).
            let arms = |e: &syn::Expr| match e {
                syn::Expr::Match(m) => m.arms.len(),
                _ => 0,
            };
            let table = block.stmts.len() <= 3
                && block.stmts.iter().any(|st| match st {
                    syn::Stmt::Expr(e, _) => arms(e) >= 6,
                    syn::Stmt::Local(l) => l.init.as_ref().is_some_and(|i| arms(&i.expr) >= 6),
                    _ => false,
                });
            self.out
                .push((format!("{}: {name}", self.file), lines, table));
        }
    }
    impl<'ast> Visit<'ast> for Fns {
        fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
            self.add(&f.sig.ident, f.sig.fn_token.span.start().line, &f.block);
            syn::visit::visit_item_fn(self, f);
        }
        fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
            self.add(&f.sig.ident, f.sig.fn_token.span.start().line, &f.block);
            syn::visit::visit_impl_item_fn(self, f);
        }
    }
    let mut fns = Fns {
        file: String::new(),
        out: Vec::new(),
    };
    for file in rust_files(Path::new(SRC)) {
        let text = std::fs::read_to_string(&file).expect("read");
        let parsed = syn::parse_file(&text).expect("parses");
        fns.file = file
            .strip_prefix(SRC)
            .unwrap_or(&file)
            .display()
            .to_string();
        fns.visit_file(&parsed);
    }
    fns.out
}

#[test]
fn no_function_over_80_lines_but_match_tables() {
    let all = function_lengths();
    assert!(all.len() > 1000, "only {} functions read", all.len());
    let long: Vec<String> = all
        .iter()
        .filter(|(_, n, table)| *n > 80 && !table)
        .map(|(f, n, _)| format!("{f} ({n} lines)"))
        .collect();
    assert!(
        long.is_empty(),
        "{} long functions:\n{}",
        long.len(),
        long.join("\n")
    );
}

#[test]
fn no_file_over_400_lines() {
    let long: Vec<String> = rust_files(Path::new(SRC))
        .into_iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(&f).expect("read").lines().count();
            (n > 400).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "{} long files:\n{}",
        long.len(),
        long.join("\n")
    );
}
