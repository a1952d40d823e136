//! CommonJS and ES module loading.

mod common;
use common::run_files;

#[test]
fn commonjs_graph() {
    let r = run_files(
        &[
            ("main.js", "const a = require('./lib/a');\nconsole.log(a.value, require('pkg'), require('./data.json').n);"),
            ("lib/a.js", "exports.value = require('./b') + 1;"),
            ("lib/b.js", "module.exports = 41;"),
            ("node_modules/pkg/package.json", "{\"main\": \"main.js\"}"),
            ("node_modules/pkg/main.js", "module.exports = 'pkg';"),
            ("data.json", "{\"n\": 7}"),
        ],
        "main.js",
    );
    assert_eq!(
        (r.stdout.as_str(), r.code),
        ("42 pkg 7\n", 0),
        "{}",
        r.stderr
    );
}

#[test]
fn module_not_found_has_require_stack() {
    let r = run_files(
        &[(
            "main.js",
            "try { require('./x') } catch (e) { console.log(e.code, JSON.stringify(e.message)) }",
        )],
        "main.js",
    );
    assert!(
        r.stdout
            .starts_with("MODULE_NOT_FOUND \"Cannot find module './x'\\nRequire stack:\\n- "),
        "{}",
        r.stdout
    );
}

#[test]
fn esm_imports_commonjs_and_json() {
    let r = run_files(
        &[
            ("main.mjs", "import c, { named } from './c.cjs';\nimport j from './j.json' with { type: 'json' };\nconsole.log(c.named, named, j.ok, import.meta.filename.endsWith('main.mjs'));"),
            ("c.cjs", "exports.named = 'n';"),
            ("j.json", "{\"ok\": true}"),
        ],
        "main.mjs",
    );
    assert_eq!(
        (r.stdout.as_str(), r.code),
        ("n n true true\n", 0),
        "{}",
        r.stderr
    );
}

#[test]
fn type_module_package() {
    let r = run_files(
        &[
            ("package.json", "{\"type\": \"module\"}"),
            (
                "main.js",
                "import { x } from './x.js';\nconsole.log(x, typeof require);",
            ),
            ("x.js", "export const x = await Promise.resolve(5);"),
        ],
        "main.js",
    );
    assert_eq!(
        (r.stdout.as_str(), r.code),
        ("5 undefined\n", 0),
        "{}",
        r.stderr
    );
}

#[test]
fn unimplemented_builtins_fail_loudly() {
    let r = run_files(
        &[(
            "main.js",
            "try { require('wasi') } catch (e) { console.log(e.code) }",
        )],
        "main.js",
    );
    assert_eq!(r.stdout, "ERR_NOT_IMPLEMENTED\n");
}
