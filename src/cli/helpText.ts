/** The text of `payscore --help` and of `payscore <command> --help`. */
const HELP: Readonly<Record<string, string>> = {
  "": `payscore — sales-performance scores and exact payouts from a plan and the period's data

Usage:
  payscore run <plan.json> [inputs] [--paid <run.json>]... [--format json|csv|xlsx] [--bom]
               [--encoding <name>] [--out <file>] [--no-trace] [--stamp] [--max-memory <MiB>]
  payscore validate <plan.json> [inputs]
  payscore explain <plan.json> [inputs] [--paid <run.json>]... --person <id> [--locale zh-CN|en]
  payscore diff <before.json> <after.json> [--format text|json] [--locale zh-CN|en]
  payscore schema [--out <file>]
  payscore --help | --version

The inputs, the same for run, validate and explain: [--data <data.csv|data.json>]
  [--ratings <file>] [--history <file>] [--transactions <file>] [--deals <file>]
  [--responses <file>] [--activities <file>] [--tickets <file>]
  [--max-bytes <size>] [--max-cell <n>] [--max-rows <n>]
The input files default to the plan's "inputs" (read from the plan's folder); a flag overrides each.
Any one input (the plan, a --paid run, or any input file) may be - for standard input (CSV for the
input files, JSON for the plan and the runs); a FIFO is read too.
Run "payscore <command> --help" for a command's flags.

  --json             print a failure as one JSON object on stderr:
                     { code, message, path, file, line, column, exitCode, problems? }
  --locale zh-CN|en  the language of error messages (default: PAYSCORE_LOCALE, else en);
                     explain and diff write their output in it too

Exit codes: 0 done, 2 a problem with the input (one line per problem on stderr), 64 a usage error
(an unknown command or flag, a bad flag value, a missing argument), 1 a bug in payscore.
`,
  run: `payscore run <plan.json> [--data <data.csv|data.json>] [options]

Scores everyone, grades, funds and allocates pools, and pays, as the plan says. The input files
default to the plan's "inputs": { "data": …, "ratings": …, "history": … }, read from the plan
file's folder (a path that leaves it is refused); each flag overrides the plan's file.

Options:
  --data <file>      the period's data: a CSV with an "id" column and one row per person,
                     or JSON { "rows": [...], "ratings"?: [...], "history"?: {...} }
  --ratings <file>   360 ratings: a CSV with person,rater,group,score[,competency] (or JSON)
  --history <file>   earlier periods' values of the promotion measure: a CSV with id and one
                     column per earlier period, oldest first (or JSON { "R01": [1.04, 1.08] })
  --transactions <file>
                     invoices, payments and credit notes for commission on collections: a CSV
                     with invoice,date,kind,amount,reps,shares[,id] (kind invoice, payment — a
                     negative amount is a refund — or credit-note; reps "S1;S2", shares
                     "0.6;0.4" on the invoice row), or JSON (an array of such objects)
  --deals <file>     deals for the list indicators pipeline-value, stage-conversion and
                     cycle-days: a CSV with person and, as the KPIs need,
                     amount,probability,stage,openedAt,closedAt (or JSON)
  --responses <file> survey responses for the list indicator csat: a CSV with person,score
                     (or JSON)
  --activities <file>
                     sales activities for the list indicator weighted-visits: a CSV with
                     person,type and, as the KPI needs, tier,date,count (or JSON)
  --tickets <file>   tickets for the list indicator resolution-hours: a CSV with
                     person,openedAt,resolvedAt (date-times with an offset; resolvedAt empty
                     while open) (or JSON)
  --paid <run.json>  for a plan with pay.trueUp: a run paid earlier this year (the JSON payscore
                     run wrote); repeat it for each. Each person's commission lines in them are
                     what was paid to date
  --format json|csv|xlsx
                     json (default): the whole run, every statement with its trace;
                     csv: one row per person (default when --out ends in .csv);
                     xlsx: an Excel workbook, sheets Statements and Pools, amounts as numbers
                     in the currency's format (default when --out ends in .xlsx)
  --bom              start the CSV with a UTF-8 byte-order mark (for Excel on Windows)
  --encoding <name>  the CSV inputs' encoding: gbk, gb18030 (Chinese Excel's CSV), utf-16le or
                     utf-8 (default: UTF-8, and a file that is not is refused)
  --out <file>       write to this file (atomically: complete, or not at all), under a lock:
                     <file>.lock holds the writer's process id, and a second payscore writing
                     the same file fails (exit 2); a lock or temp file left by a killed run is
                     cleaned up by the next one; default stdout
  --no-trace         leave the traces out of the JSON (smaller, faster for big runs)
  --stamp            record the time of the run in the JSON header ("runAt"); without it a
                     rerun on the same files is byte-identical (the header always records the
                     SHA-256 of the plan file and of each input file, "inputs")
  --max-memory <MiB> refuse, before reading anything, inputs estimated to need more memory
                     than this (default and ceiling: Node's heap limit; raise that with
                     NODE_OPTIONS=--max-old-space-size=<MiB>)
  --max-bytes <size> refuse an input file larger than this (default 2G; K, M, G are KiB, MiB,
                     GiB); a JSON file can never be larger than 512 MiB
  --max-cell <n>     refuse a CSV cell or JSON text value longer than n characters (default 1M)
  --max-rows <n>     refuse an input with more than n rows or ratings (default 20000000)

Any input may be - (standard input) or a FIFO; --json and the exit codes are in payscore --help.
`,
  validate: `payscore validate <plan.json> [--data <file> [--ratings <file>] [--history <file>]
                  [--transactions <file>] [--deals <file>] [--responses <file>]
                  [--activities <file>] [--tickets <file>]]
                  [--max-bytes <size>] [--max-cell <n>] [--max-rows <n>]

Checks a plan against the plan format and prints every problem, one a line, with its JSON path:
everything a run would refuse about the plan itself. With --data (or the plan's inputs.data),
also reads the data and the other inputs and runs the plan on them, reporting the first problem
in the data with its file, line and column. The input flags are run's (see payscore run --help);
each but --data needs the data. --max-bytes, --max-cell and --max-rows limit the inputs as for run.
`,
  explain: `payscore explain <plan.json> [--data <file>] --person <id> [--ratings <file>] [--history <file>]
                 [--transactions <file>] [--deals <file>] [--responses <file>] [--activities <file>]
                 [--tickets <file>] [--paid <run.json>]... [--locale zh-CN|en]
                 [--max-bytes <size>] [--max-cell <n>] [--max-rows <n>]

The input files default to the plan's "inputs", as for run. Runs the plan and prints one person's
statement in words, step by step, so they can redo the arithmetic by hand. The locale defaults to
zh-CN when LC_ALL, LC_MESSAGES or LANG starts with "zh", en otherwise. The input flags
(--data, --ratings, --history, --transactions, --deals, --responses, --activities, --tickets) and
--paid are read as for run (see payscore run --help); --max-bytes, --max-cell and --max-rows
limit the inputs as for run.
`,
  diff: `payscore diff <before.json> <after.json> [--format text|json] [--locale zh-CN|en] [--out <file>]

Compares two runs saved with "payscore run --format json" (an appeal, a recalculation) and prints
a change log: for each person who changed, the cause (their own data, naming the cell; the plan;
or other people's changes), then each line before → after with the change as money. The locale
defaults as for explain. --format json gives the same diff for programs.
`,
  schema: `payscore schema [--out <file>]

Prints the JSON Schema of the plan format (for editors and other programs).
`,
};

/**
 * The help text of the command line, or of one command.
 *
 * @param command - a command name, or `""` for the overview
 * @returns the text, ending with a newline
 *
 * @example
 * ```ts
 * helpText("run").startsWith("payscore run"); // true
 * ```
 */
export function helpText(command: string): string {
  return HELP[command] ?? (HELP[""] as string);
}
