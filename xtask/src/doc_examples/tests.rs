use super::*;

/// The `(line, item, reason)` of each failure in `src`.
fn failures(src: &str) -> Vec<(usize, String, &'static str)> {
    scan(src)
        .missing
        .into_iter()
        .map(|m| (m.line, m.item, m.reason))
        .collect()
}

const NO_EXAMPLE: &str = "doc has no runnable example";

#[test]
fn documented_fn_with_example_passes() {
    let src = "/// Adds.\n///\n/// ```\n/// assert_eq!(add(1, 2), 3);\n/// ```\npub fn add(a: u8, b: u8) -> u8 { a + b }\n";
    let s = scan(src);
    assert_eq!(s.checked, 1);
    assert!(s.missing.is_empty(), "{:?}", s.missing);
}

#[test]
fn doc_without_code_block_fails() {
    let src = "/// Adds.\npub fn add() {}\n";
    assert_eq!(failures(src), [(2, "fn add".to_string(), NO_EXAMPLE)]);
}

#[test]
fn missing_doc_fails_for_every_item_kind() {
    let src = "pub struct A;\npub enum B {}\npub trait C {}\npub type D = u8;\npub union E { x: u8 }\npub async fn f() {}\npub const unsafe fn g() {}\npub extern \"C\" fn h() {}\n";
    let got: Vec<String> = failures(src).into_iter().map(|f| f.1).collect();
    assert_eq!(
        got,
        ["struct A", "enum B", "trait C", "type D", "union E", "fn f", "fn g", "fn h"]
    );
    assert!(failures(src).iter().all(|f| f.2 == "no doc comment"));
}

#[test]
fn restricted_visibility_is_not_public() {
    let src = "pub(crate) fn a() {}\npub(super) struct B;\npub(in crate::x) fn c() {}\nfn d() {}\n";
    let s = scan(src);
    assert_eq!(s.checked, 0);
}

#[test]
fn attributes_blank_lines_and_comments_between_doc_and_item() {
    let src = "/// Doc.\n/// ```\n/// let _ = 1;\n/// ```\n#[derive(\n    Debug,\n    Clone,\n)]\n\n// why\n#[must_use] pub struct S;\n";
    let s = scan(src);
    assert_eq!(s.checked, 1);
    assert!(s.missing.is_empty(), "{:?}", s.missing);
}

#[test]
fn multi_line_signature_is_one_item() {
    let src = "/// Doc.\npub fn long(\n    a: u8,\n    b: u8,\n) -> u8 {\n    a + b\n}\n";
    assert_eq!(failures(src), [(2, "fn long".to_string(), NO_EXAMPLE)]);
}

#[test]
fn doc_from_a_previous_item_does_not_carry_over() {
    let src = "/// ```\n/// let _ = 1;\n/// ```\npub fn a() {}\npub fn b() {}\n";
    assert_eq!(failures(src), [(5, "fn b".to_string(), "no doc comment")]);
}

#[test]
fn block_doc_comments_count() {
    let src = "/**\n * Doc.\n *\n * ```\n * let _ = 1;\n * ```\n */\npub fn a() {}\n/** One line. */\npub fn b() {}\n";
    assert_eq!(failures(src), [(10, "fn b".to_string(), NO_EXAMPLE)]);
}

#[test]
fn doc_attributes_count() {
    let src = "#[doc = \"Doc.\"]\n#[doc = \"```\"]\n#[doc = \"let _ = 1;\"]\n#[doc = \"```\"]\npub fn a() {}\n";
    assert!(failures(src).is_empty(), "{:?}", failures(src));
}

#[test]
fn only_runnable_rust_fences_count() {
    for (fence, ok) in [
        ("```", true),
        ("```rust", true),
        ("```no_run", true),
        ("```rust,should_panic", true),
        ("```edition2021", true),
        ("~~~", true),
        ("```ignore", false),
        ("```text", false),
        ("```compile_fail", false),
        ("```js", false),
    ] {
        let close = &fence[..3];
        let src = format!("/// Doc.\n/// {fence}\n/// let _ = 1;\n/// {close}\npub fn a() {{}}\n");
        assert_eq!(failures(&src).is_empty(), ok, "{fence}");
    }
}

#[test]
fn unclosed_fence_is_no_example() {
    let src = "/// ```\n/// let _ = 1;\npub fn a() {}\n";
    assert_eq!(failures(src).len(), 1);
}

#[test]
fn four_slashes_are_not_doc() {
    let src = "//// ```\n//// let _ = 1;\n//// ```\npub fn a() {}\n";
    assert_eq!(failures(src), [(4, "fn a".to_string(), "no doc comment")]);
}

#[test]
fn methods_are_named_by_their_impl_type() {
    let src = "pub struct Foo<T>(T);\nimpl<T: Clone> Foo<T> {\n    pub fn new() {}\n    fn private() {}\n    pub(crate) fn inner() {}\n}\nimpl<T> std::fmt::Debug for Foo<T>\nwhere\n    T: Clone,\n{\n    fn fmt(&self) {}\n}\nimpl Bar {\n    pub const MAX: u8 = 1;\n}\npub fn free() {}\n";
    let got: Vec<String> = failures(src).into_iter().map(|f| f.1).collect();
    assert_eq!(
        got,
        ["struct Foo", "fn Foo::new", "const Bar::MAX", "fn free"]
    );
}

#[test]
fn braces_in_literals_and_comments_do_not_nest() {
    let src = concat!(
        "impl Foo {\n",
        "    fn a() { let s = \"}}\\\"}\"; let c = '}'; let r = r#\"}\"# ; }\n",
        "    fn b<'a>(x: &'a str) { /* } */ let _ = b'{'; }\n",
        "    // }\n",
        "}\n",
        "pub fn free() {}\n",
    );
    let got: Vec<String> = failures(src).into_iter().map(|f| f.1).collect();
    assert_eq!(got, ["fn free"]);
}

#[test]
fn items_in_multi_line_strings_are_not_items() {
    let src = "const S: &str = \"\npub fn fake() {}\n\";\nconst R: &str = r#\"\npub fn fake2() {}\n\"#;\n";
    assert_eq!(scan(src).checked, 0);
}

#[test]
fn cfg_test_code_is_skipped() {
    let src = "#[cfg(test)]\nmod tests {\n    pub fn helper() {}\n    mod deeper { pub fn x() {} }\n}\n#[cfg(test)]\nmod more;\n#[cfg(test)]\npub fn only_in_tests() {}\n#[cfg(test)]\nimpl Foo {\n    pub fn test_only() {}\n}\npub fn after() {}\n";
    let s = scan(src);
    assert_eq!(s.test_modules, ["more"]);
    let got: Vec<String> = s.missing.into_iter().map(|m| m.item).collect();
    assert_eq!(got, ["fn after"]);
}

#[test]
fn constants_may_lean_on_the_module_doc() {
    let with = "//! Module.\n//!\n//! ```\n//! let _ = 1;\n//! ```\n\n/// A limit.\npub const MAX: u8 = 1;\n/// A name.\npub static NAME: &str = \"x\";\npub const UNDOCUMENTED: u8 = 2;\n";
    assert_eq!(
        failures(with),
        [(11, "const UNDOCUMENTED".to_string(), "no doc comment")]
    );
    let without = "//! Module without example.\n\n/// A limit.\npub const MAX: u8 = 1;\n";
    assert_eq!(
        failures(without),
        [(
            4,
            "const MAX".to_string(),
            "no example here or in the module doc"
        )]
    );
}

#[test]
fn inline_module_doc_serves_its_constants() {
    let src = "/// Codes.\n///\n/// ```\n/// let _ = 1;\n/// ```\npub mod codes {\n    /// One.\n    pub const ONE: u8 = 1;\n}\npub mod bare {\n    //! Bare.\n    /// Two.\n    pub const TWO: u8 = 2;\n}\n";
    let got: Vec<String> = failures(src).into_iter().map(|f| f.1).collect();
    assert_eq!(got, ["const TWO"]);
}

#[test]
fn exported_macros_need_examples() {
    let src = "/// Doc.\n#[macro_export]\nmacro_rules! m { () => {}; }\nmacro_rules! private { () => {}; }\n";
    assert_eq!(failures(src), [(3, "macro m!".to_string(), NO_EXAMPLE)]);
}

#[test]
fn items_written_inside_macro_bodies_are_checked() {
    let src = "macro_rules! api {\n    ($name:ident) => {\n        /// Made by a macro.\n        pub fn $name() {}\n    };\n}\n";
    assert_eq!(failures(src), [(4, "fn $name".to_string(), NO_EXAMPLE)]);
}

#[test]
fn fields_variants_uses_and_modules_are_not_checked() {
    let src = "/// S.\n/// ```\n/// let _ = 1;\n/// ```\npub struct S {\n    pub field: u8,\n}\npub use self::x::Y;\npub mod z;\n";
    let s = scan(src);
    assert_eq!(s.checked, 1);
    assert!(s.missing.is_empty());
}

#[test]
fn impl_type_names() {
    assert_eq!(impl_type("impl Foo {"), "Foo");
    assert_eq!(impl_type("impl<T: A<B>> Foo<T> {"), "Foo");
    assert_eq!(
        impl_type("impl<'a> Trait<X> for crate::a::Bar<'a> {"),
        "Bar"
    );
    assert_eq!(impl_type("unsafe impl Send for Baz where T: X {"), "Baz");
}

#[test]
fn test_module_paths() {
    assert_eq!(
        submodule_dir(Path::new("src/emitter.rs")),
        Path::new("src/emitter")
    );
    assert_eq!(submodule_dir(Path::new("src/lib.rs")), Path::new("src"));
    assert_eq!(submodule_dir(Path::new("src/a/mod.rs")), Path::new("src/a"));
}
