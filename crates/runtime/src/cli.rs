//! Command-line parsing, as `node [options] [script.js | -e "script" | -] [arguments]`.

/// Where the main program comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entry {
    /// `nrt file.js`
    File(String),
    /// `nrt -e CODE` (`print` for `-p`)
    Eval { code: String, print: bool },
    /// `nrt -` or a piped stdin with no script.
    Stdin,
    /// No script and a terminal on stdin: node starts its REPL.
    Repl,
}

/// What the command line asked for.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    pub(crate) entry: Entry,
    /// `process.argv.slice(2)`.
    pub(crate) args: Vec<String>,
    /// `process.execArgv`.
    pub(crate) exec_argv: Vec<String>,
    pub(crate) max_old_space_mb: Option<u64>,
    pub(crate) stack_size_kb: Option<u64>,
    pub(crate) expose_gc: bool,
    pub(crate) input_type_module: bool,
    /// `-r`/`--require` modules, preloaded in order.
    pub(crate) preload: Vec<String>,
    /// `--no-warnings`
    pub(crate) no_warnings: bool,
    /// `--no-deprecation`
    pub(crate) no_deprecation: bool,
    /// `--unhandled-rejections=MODE` (default `throw`).
    pub(crate) unhandled_rejections: String,
    /// `--trace-warnings`: print warnings with their stack.
    pub(crate) trace_warnings: bool,
    /// `--trace-deprecation`: print deprecation warnings with their stack.
    pub(crate) trace_deprecation: bool,
    /// `--throw-deprecation`: deprecation warnings are thrown.
    pub(crate) throw_deprecation: bool,
}

/// The result of parsing: run, or print something and exit.
#[derive(Debug)]
pub(crate) enum Command {
    Run(Options),
    Version,
    Help,
    /// Print to stderr and exit with the code.
    Fail(String, i32),
}

fn option_value(
    arg: &str,
    name: &str,
    it: &mut std::slice::Iter<'_, String>,
    exec_argv: &mut Vec<String>,
) -> Result<Option<String>, String> {
    if let Some(v) = arg.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
        return Ok(Some(v.to_string()));
    }
    if arg == name {
        return match it.next() {
            Some(v) => {
                exec_argv.push(v.clone());
                Ok(Some(v.clone()))
            }
            None => Err(format!("{}: {name} requires an argument", exe_name())),
        };
    }
    Ok(None)
}

fn exe_name() -> String {
    std::env::args()
        .next()
        .map(|a| a.rsplit('/').next().unwrap_or("nrt").to_string())
        .unwrap_or_else(|| "nrt".into())
}

/// Parses `argv[1..]`.
pub(crate) fn parse(argv: &[String]) -> Command {
    let mut opts = Options {
        entry: Entry::Repl,
        args: Vec::new(),
        exec_argv: Vec::new(),
        max_old_space_mb: None,
        stack_size_kb: None,
        expose_gc: false,
        input_type_module: false,
        preload: Vec::new(),
        no_warnings: false,
        no_deprecation: false,
        unhandled_rejections: "throw".into(),
        trace_warnings: false,
        trace_deprecation: false,
        throw_deprecation: false,
    };
    let mut it = argv.iter();
    let mut entry = None;
    while let Some(arg) = it.next() {
        if arg == "--" {
            if let Some(f) = it.next() {
                entry = Some(Entry::File(f.clone()));
            }
            break;
        }
        if arg == "-" {
            entry = Some(Entry::Stdin);
            break;
        }
        if !arg.starts_with('-') {
            // After -e/-p, the first non-option starts the script's arguments.
            if entry.is_none() {
                entry = Some(Entry::File(arg.clone()));
            } else {
                opts.args.push(arg.clone());
            }
            break;
        }
        opts.exec_argv.push(arg.clone());
        match arg.as_str() {
            "-v" | "--version" => return Command::Version,
            "-h" | "--help" => return Command::Help,
            "--expose-gc" | "--expose_gc" => {
                opts.expose_gc = true;
                continue;
            }
            "--no-warnings" => {
                opts.no_warnings = true;
                continue;
            }
            "--no-deprecation" => {
                opts.no_deprecation = true;
                continue;
            }
            "--trace-warnings" => {
                opts.trace_warnings = true;
                continue;
            }
            "--trace-deprecation" => {
                opts.trace_deprecation = true;
                continue;
            }
            "--throw-deprecation" => {
                opts.throw_deprecation = true;
                continue;
            }
            _ => {}
        }
        let mut ev = Vec::new();
        for (name, print) in [
            ("-e", false),
            ("--eval", false),
            ("-p", true),
            ("--print", true),
        ] {
            match option_value(arg, name, &mut it, &mut ev) {
                Ok(Some(code)) => {
                    entry = Some(Entry::Eval { code, print });
                }
                Ok(None) => continue,
                Err(e) => return Command::Fail(e, 9),
            }
            break;
        }
        if let Some(Entry::Eval { .. }) = entry {
            opts.exec_argv.extend(ev);
            // node keeps parsing options after -e; the rest are script arguments once a
            // non-option appears.
            continue;
        }
        let numeric = |v: String, name: &str| -> Result<u64, String> {
            v.trim()
                .parse::<f64>()
                .map(|f| f.max(0.0) as u64)
                .map_err(|_| format!("{}: invalid value for {name}", exe_name()))
        };
        match option_value(arg, "--max-old-space-size", &mut it, &mut ev) {
            Ok(Some(v)) => match numeric(v, "--max-old-space-size") {
                Ok(n) => {
                    opts.max_old_space_mb = Some(n);
                    opts.exec_argv.extend(ev);
                    continue;
                }
                Err(m) => return Command::Fail(m, 9),
            },
            Ok(None) => {}
            Err(e) => return Command::Fail(e, 9),
        }
        match option_value(arg, "--stack-size", &mut it, &mut ev) {
            Ok(Some(v)) => match numeric(v, "--stack-size") {
                Ok(n) => {
                    opts.stack_size_kb = Some(n);
                    opts.exec_argv.extend(ev);
                    continue;
                }
                Err(m) => return Command::Fail(m, 9),
            },
            Ok(None) => {}
            Err(e) => return Command::Fail(e, 9),
        }
        let mut preload = None;
        for name in ["-r", "--require"] {
            match option_value(arg, name, &mut it, &mut ev) {
                Ok(Some(m)) => preload = Some(m),
                Ok(None) => continue,
                Err(e) => return Command::Fail(e, 9),
            }
            break;
        }
        if let Some(m) = preload {
            opts.preload.push(m);
            opts.exec_argv.extend(ev);
            continue;
        }
        match option_value(arg, "--unhandled-rejections", &mut it, &mut ev) {
            Ok(Some(mode)) => {
                const MODES: [&str; 5] =
                    ["throw", "strict", "warn", "none", "warn-with-error-code"];
                if !MODES.contains(&mode.as_str()) {
                    return Command::Fail(
                        format!("{}: invalid value for --unhandled-rejections", exe_name()),
                        9,
                    );
                }
                opts.unhandled_rejections = mode;
                opts.exec_argv.extend(ev);
                continue;
            }
            Ok(None) => {}
            Err(e) => return Command::Fail(e, 9),
        }
        match option_value(arg, "--input-type", &mut it, &mut ev) {
            Ok(Some(v)) => {
                match v.as_str() {
                    "module" => opts.input_type_module = true,
                    "commonjs" => opts.input_type_module = false,
                    _ => {
                        return Command::Fail(
                            format!(
                                "{}: --input-type must be \"module\" or \"commonjs\"",
                                exe_name()
                            ),
                            9,
                        )
                    }
                }
                opts.exec_argv.extend(ev);
                continue;
            }
            Ok(None) => {}
            Err(e) => return Command::Fail(e, 9),
        }
        return Command::Fail(format!("{}: bad option: {arg}", exe_name()), 9);
    }
    opts.args.extend(it.cloned());
    opts.entry = match entry {
        Some(e) => e,
        None => {
            if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                Entry::Repl
            } else {
                Entry::Stdin
            }
        }
    };
    Command::Run(opts)
}

pub(crate) const HELP: &str = "\
Usage: nrt [options] [ script.js ] [arguments]
       nrt - [arguments]            (read the script from stdin)

nrt runs Node.js programs on QuickJS-NG; it follows node v20's command line.

Options:
  -                             script read from stdin (default if no file name is provided
                                and stdin is not a terminal)
  --                            indicate the end of node options
  -e, --eval script             evaluate script
  -p, --print script            evaluate script and print result
  -h, --help                    print node command line options (this text)
  -v, --version                 print the nrt version (node API level and nrt release)
  --expose-gc                   expose gc() as a global function
  -r, --require module          CommonJS module to preload (option can be repeated)
  --no-warnings                 silence all process warnings
  --no-deprecation              silence deprecation warnings
  --trace-warnings              show stack traces on process warnings
  --trace-deprecation           show stack traces on deprecations
  --throw-deprecation           throw an exception on deprecations
  --unhandled-rejections=mode   throw (default), strict, warn, none or warn-with-error-code
  --input-type=module|commonjs  how to interpret string input (-e, -p, stdin)
  --max-old-space-size=MB       limit the JavaScript heap to MB megabytes
  --stack-size=KB               limit the JavaScript stack to KB kilobytes

Environment variables:
  NODE_PATH                     ':'-separated list of directories prefixed to the module
                                search path

Documentation can be found at https://nodejs.org/docs/latest-v20.x/api/
";

#[cfg(test)]
mod tests {
    use super::*;

    fn p(a: &[&str]) -> Command {
        parse(&a.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn script_and_args() {
        let Command::Run(o) = p(&["--expose-gc", "a.js", "--foo", "x"]) else {
            panic!()
        };
        assert_eq!(o.entry, Entry::File("a.js".into()));
        assert_eq!(o.args, ["--foo", "x"]);
        assert!(o.expose_gc);
        assert_eq!(o.exec_argv, ["--expose-gc"]);
    }

    #[test]
    fn eval_and_print() {
        let Command::Run(o) = p(&["-p", "1+1", "x", "-y"]) else {
            panic!()
        };
        assert_eq!(
            o.entry,
            Entry::Eval {
                code: "1+1".into(),
                print: true
            }
        );
        assert_eq!(o.args, ["x", "-y"]);
        let Command::Run(o) = p(&["--max-old-space-size=64", "--stack-size", "500", "a.js"]) else {
            panic!()
        };
        assert_eq!(o.max_old_space_mb, Some(64));
        assert_eq!(o.stack_size_kb, Some(500));
    }

    #[test]
    fn preload_and_warnings() {
        let Command::Run(o) = p(&[
            "-r",
            "a",
            "--require=b",
            "--no-warnings",
            "--unhandled-rejections=warn",
            "x.js",
        ]) else {
            panic!()
        };
        assert_eq!(o.preload, ["a", "b"]);
        assert!(o.no_warnings);
        assert_eq!(o.unhandled_rejections, "warn");
        assert!(matches!(
            p(&["--unhandled-rejections=bogus"]),
            Command::Fail(_, 9)
        ));
    }

    #[test]
    fn bad_option() {
        assert!(matches!(p(&["--foo"]), Command::Fail(m, 9) if m.ends_with("bad option: --foo")));
        assert!(matches!(p(&["-e"]), Command::Fail(_, 9)));
    }
}
