/** The languages the command line speaks: its own messages, and the lead-ins of library errors. */
export type CliLocale = "en" | "zh-CN";

/** The locales, in the order `--locale` lists them. */
export const CLI_LOCALES: readonly CliLocale[] = ["en", "zh-CN"];

/**
 * The command line's own messages, by key, in every locale. A `{name}` in a text is a parameter
 * (letters and digits only, so `{ or [` is plain text); both locales of a key take the same
 * parameters (a test checks it). The place a message is about (`file:line:column: `,
 * `payscore run: `) stays in ASCII in every locale, so `--json` and editors read it the same.
 *
 * Only the command line's messages are here: a library error (`PayscoreError`) keeps its English
 * message and gets a lead-in in the user's locale (see `libraryLeadIn`).
 */
export const CLI_MESSAGES = {
  // Usage.
  noCommand: {
    en: "payscore: no command given; the commands are run, validate, explain, diff and schema (see payscore --help)",
    "zh-CN": "payscore: 没有给出命令；命令有 run、validate、explain、diff 和 schema（参见 payscore --help）",
  },
  unknownCommand: {
    en: "payscore: unknown command {command}; the commands are run, validate, explain, diff and schema (see payscore --help)",
    "zh-CN": "payscore: 未知的命令 {command}；命令有 run、validate、explain、diff 和 schema（参见 payscore --help）",
  },
  badLocale: {
    en: "payscore: --locale must be en or zh-CN, not {value}",
    "zh-CN": "payscore: --locale 只能是 en 或 zh-CN，不能是 {value}",
  },
  argsRefused: {
    en: "payscore {command}: {detail} (see payscore {command} --help)",
    "zh-CN": "payscore {command}: 参数有误：{detail}（参见 payscore {command} --help）",
  },
  missingArgument: {
    en: "payscore {command}: missing {missing} (see payscore {command} --help)",
    "zh-CN": "payscore {command}: 缺少 {missing}（参见 payscore {command} --help）",
  },
  unexpectedArgument: {
    en: "payscore {command}: unexpected argument {argument} (see payscore {command} --help)",
    "zh-CN": "payscore {command}: 多余的参数 {argument}（参见 payscore {command} --help）",
  },
  flagRequired: {
    en: "payscore {command}: --{flag} {what} is required (see payscore {command} --help)",
    "zh-CN": "payscore {command}: 必须给出 --{flag} {what}（参见 payscore {command} --help）",
  },
  flagChoice: {
    en: "payscore {command}: --{flag} must be {choices}, not {value}",
    "zh-CN": "payscore {command}: --{flag} 只能是 {choices}，不能是 {value}",
  },
  flagSize: {
    en: "payscore {command}: --{flag} must be a whole number of bytes, optionally with K, M or G (such as 512M or 4G); got {value}",
    "zh-CN": "payscore {command}: --{flag} 必须是字节数（整数），可带 K、M 或 G（如 512M 或 4G）；得到的是 {value}",
  },
  flagWhole: {
    en: "payscore {command}: --{flag} must be a whole number (such as 50000000); got {value}",
    "zh-CN": "payscore {command}: --{flag} 必须是整数（如 50000000）；得到的是 {value}",
  },
  flagMemory: {
    en: "payscore run: --max-memory must be a whole number of MiB, such as 2048; got {value}",
    "zh-CN": "payscore run: --max-memory 必须是以 MiB 计的整数，如 2048；得到的是 {value}",
  },
  bomNotCsv: {
    en: "payscore run: --bom is for CSV output (--format csv), not {format}",
    "zh-CN": "payscore run: --bom 只用于 CSV 输出（--format csv），不能用于 {format}",
  },
  validateNeedsData: {
    en: "payscore validate: --{flag} needs --data (see payscore validate --help)",
    "zh-CN": "payscore validate: --{flag} 需要同时给出 --data（参见 payscore validate --help）",
  },
  dataRequired: {
    en: 'payscore {command}: --data {what} is required, or the plan\'s "inputs": { "data": … } (see payscore {command} --help)',
    "zh-CN": 'payscore {command}: 必须给出 --data {what}，或在方案中写明 "inputs": { "data": … }（参见 payscore {command} --help）',
  },
  // Files.
  noSuchFile: { en: "{file}: no such file", "zh-CN": "{file}: 文件不存在" },
  noSuchFolder: { en: "{file}: cannot write: the folder does not exist", "zh-CN": "{file}: 无法写入：文件夹不存在" },
  isFolder: { en: "{file}: is a folder, not a file", "zh-CN": "{file}: 这是一个文件夹，不是文件" },
  notFolderInPath: { en: "{file}: a part of the path is not a folder", "zh-CN": "{file}: 路径中有一部分不是文件夹" },
  permissionRead: { en: "{file}: permission denied (cannot read it)", "zh-CN": "{file}: 没有权限（无法读取）" },
  permissionWrite: { en: "{file}: permission denied (cannot write it)", "zh-CN": "{file}: 没有权限（无法写入）" },
  diskFull: { en: "{file}: the disk is full", "zh-CN": "{file}: 磁盘已满" },
  readOnly: { en: "{file}: the file system is read-only", "zh-CN": "{file}: 文件系统是只读的" },
  outParentNotFolder: { en: "{file}: cannot write: {parent} is not a folder", "zh-CN": "{file}: 无法写入：{parent} 不是文件夹" },
  emptyFile: { en: "{file}: the file is empty", "zh-CN": "{file}: 文件是空的" },
  // CSV.
  noHeaderRow: { en: "{file}: the file has no header row (it holds only blank lines)", "zh-CN": "{file}: 文件没有表头行（只有空行）" },
  headerNoName: { en: "{file}:1:{column}: column {column} of the header has no name", "zh-CN": "{file}:1:{column}: 表头第 {column} 列没有列名" },
  headerTwice: {
    en: "{file}:1:{column}: the column name {name} appears twice in the header (columns {first} and {column})",
    "zh-CN": "{file}:1:{column}: 列名 {name} 在表头中出现了两次（第 {first} 列和第 {column} 列）",
  },
  tooFewCells: {
    en: "{file}:{line}: the row has {cells} cells but the header has {columns} columns (no cell for {missing})",
    "zh-CN": "{file}:{line}: 这一行有 {cells} 个单元格，但表头有 {columns} 列（缺少 {missing} 的单元格）",
  },
  tooManyCells: {
    en: "{file}:{line}:{column}: the row has {cells} cells but the header has {columns} columns (extra: {extra}; a number with a comma such as 1,200 must be quoted or written 1200)",
    "zh-CN": "{file}:{line}:{column}: 这一行有 {cells} 个单元格，但表头有 {columns} 列（多出：{extra}；带逗号的数字如 1,200 要加引号，或写成 1200）",
  },
  rowCellCount: {
    en: "{file}:{line}: the row has {cells} cells but the header has {columns} columns",
    "zh-CN": "{file}:{line}: 这一行有 {cells} 个单元格，但表头有 {columns} 列",
  },
  textAfterQuote: {
    en: '{file}:{line}: text after the closing quote of a cell (write a quote inside a quoted cell as "")',
    "zh-CN": '{file}:{line}: 单元格的结束引号后面还有文字（引号内的引号要写成 ""）',
  },
  quoteInCell: {
    en: '{file}:{line}: a quote in the middle of an unquoted cell (quote the whole cell and double the inner quote: "5"" screen")',
    "zh-CN": '{file}:{line}: 未加引号的单元格中间出现了引号（给整个单元格加引号，并把里面的引号写两遍："5"" screen"）',
  },
  unclosedQuote: {
    en: '{file}:{line}:{column}: a quoted cell is never closed (a " without its closing ")',
    "zh-CN": '{file}:{line}:{column}: 加引号的单元格没有结束（有 " 却没有对应的结束 "）',
  },
  utf16: {
    en: '{file}:1:1: the file is UTF-16, not UTF-8; save it as UTF-8 (in Excel: "CSV UTF-8")',
    "zh-CN": "{file}:1:1: 文件是 UTF-16 编码，不是 UTF-8；请另存为 UTF-8（Excel 中选“CSV UTF-8”）",
  },
  noColumnForPlan: {
    en: "{file}:1: no column {column} in the header (the plan reads it at {path}); the header has: {header}",
    "zh-CN": "{file}:1: 表头中没有 {column} 列（方案在 {path} 读取它）；表头中有：{header}",
  },
  noIdColumnOne: {
    en: '{file}:1: no "id" column in the header (the first line has 1 column); a data file is a CSV with an "id" column and one row per person',
    "zh-CN": '{file}:1: 表头中没有 "id" 列（第一行只有 1 列）；数据文件是带 "id" 列、每人一行的 CSV',
  },
  noIdColumn: {
    en: '{file}:1: no "id" column in the header (the first line has {count} columns); a data file is a CSV with an "id" column and one row per person',
    "zh-CN": '{file}:1: 表头中没有 "id" 列（第一行有 {count} 列）；数据文件是带 "id" 列、每人一行的 CSV',
  },
  idColumnCase: {
    en: '{file}:1: no "id" column in the header (there is {near}; the name must be exactly "id"); the header has: {header}',
    "zh-CN": '{file}:1: 表头中没有 "id" 列（有 {near}；列名必须正好是 "id"）；表头中有：{header}',
  },
  noDataRows: { en: "{file}:1: the file has a header but no data rows", "zh-CN": "{file}:1: 文件有表头但没有数据行" },
  emptyId: { en: "{file}:{line}:{column}: the id is empty", "zh-CN": "{file}:{line}:{column}: id 是空的" },
  duplicateIdAt: {
    en: "{file}:{line}:{column}: duplicate id {id} (already on line {seen})",
    "zh-CN": "{file}:{line}:{column}: id {id} 重复（第 {seen} 行已有）",
  },
  duplicateId: { en: "{file}:{line}:{column}: duplicate id {id}", "zh-CN": "{file}:{line}:{column}: id {id} 重复" },
  badCell: { en: "{file}:{line}:{column}: {name}: {problem}", "zh-CN": "{file}:{line}:{column}: {name}：{problem}" },
  ratingsNoColumn: {
    en: "{file}:1: no column {column} in the header; a ratings file has person, rater, group, score and optionally competency",
    "zh-CN": "{file}:1: 表头中没有 {column} 列；评分文件的列为 person、rater、group、score，另可有 competency",
  },
  ratingsEmptyCell: { en: "{file}:{line}:{column}: the {name} is empty", "zh-CN": "{file}:{line}:{column}: {name} 是空的" },
  historyNoId: {
    en: '{file}:1: no "id" column in the header; a history file has id and one column per earlier period, oldest first',
    "zh-CN": '{file}:1: 表头中没有 "id" 列；历史文件有 id 列，以及每个往期一列（从最早的开始）',
  },
  listNoKnownColumn: {
    en: "{file}:1: no column {column} in the header, nor any other column of a {kind} file (columns on the first line: {count}); a {kind} file has {shape}",
    "zh-CN": "{file}:1: 表头中没有 {column} 列，也没有 {kind} 文件的其他列（第一行有 {count} 列）；{kind} 文件的列为 {shape}",
  },
  listNoColumn: {
    en: "{file}:1: no column {column} in the header; a {kind} file has {shape}; the header has: {header}",
    "zh-CN": "{file}:1: 表头中没有 {column} 列；{kind} 文件的列为 {shape}；表头中有：{header}",
  },
  // Numbers in cells.
  notANumber: { en: "{value} is not a number", "zh-CN": "{value} 不是数字" },
  notPlainNumber: {
    en: '{value} is not a plain number: it has {reasons}; write digits with an optional "." decimal point, such as 1200000.50',
    "zh-CN": "{value} 不是纯数字：其中有{reasons}；请只写数字，可用“.”作小数点，例如 1200000.50",
  },
  reasonCurrency: { en: "a currency sign", "zh-CN": "货币符号" },
  reasonThousands: { en: "thousands separators", "zh-CN": "千位分隔符" },
  reasonPercent: { en: "a percent sign (write 0.85 for 85 %)", "zh-CN": "百分号（85% 请写成 0.85）" },
  reasonBrackets: { en: "accounting brackets for a negative number (write -120)", "zh-CN": "表示负数的会计括号（请写成 -120）" },
  reasonDecimalComma: { en: 'a decimal comma (write "." as the decimal point)', "zh-CN": "用作小数点的逗号（请用“.”作小数点）" },
  notEncoding: {
    en: "{file}:{line}: the file is not {encoding}: a byte on this line or the next is not a character in {encoding}; check --encoding (gbk, gb18030, utf-16le or utf-8)",
    "zh-CN": "{file}:{line}: 文件不是 {encoding} 编码：这一行或下一行有个字节不是 {encoding} 中的字符；请检查 --encoding（gbk、gb18030、utf-16le 或 utf-8）",
  },
  notUtf8: {
    en: '{file}:{line}:{column}: the file is not UTF-8 (byte 0x{hex}); save it as UTF-8 (in Excel: "CSV UTF-8")',
    "zh-CN": "{file}:{line}:{column}: 文件不是 UTF-8 编码（字节 0x{hex}）；请另存为 UTF-8（Excel 中选“CSV UTF-8”），或用 --encoding gbk 读取",
  },
  // JSON.
  jsonTooLarge: {
    en: "{file}: the file is larger than {size}, the most a JSON file can hold (JSON.parse reads it as one string, and Node's longest string is {size}); give data this large as CSV, or split it",
    "zh-CN": "{file}: 文件大于 {size}，超过了 JSON 文件的上限（JSON.parse 把它当作一个字符串读取，而 Node 最长的字符串是 {size}）；这么大的数据请用 CSV 给出，或拆分",
  },
  jsonNotObject: {
    en: "{file}: not valid JSON: the file does not start with { or [ (is it the right file?)",
    "zh-CN": "{file}: 不是有效的 JSON：文件不是以 { 或 [ 开头（文件选对了吗？）",
  },
  jsonInvalid: { en: "{file}: not valid JSON", "zh-CN": "{file}: 不是有效的 JSON" },
  jsonInvalidAt: { en: "{file}:{line}:{column}: not valid JSON: {detail}", "zh-CN": "{file}:{line}:{column}: 不是有效的 JSON：{detail}" },
  jsonArrayEmpty: { en: "{file}: the array is empty: there is no one to pay", "zh-CN": "{file}: 数组是空的：没有要计算的人员" },
  jsonRowsEmpty: { en: "{file}: rows is empty: there is no one to pay", "zh-CN": "{file}: rows 是空的：没有要计算的人员" },
  jsonIdMissing: { en: "{where}: the id is missing", "zh-CN": "{where}: 缺少 id" },
  jsonDuplicateId: { en: "{where}: duplicate id {id} (already at {seen})", "zh-CN": "{where}: id {id} 重复（{seen} 已有）" },
  // Limits.
  tooManyBytes: {
    en: "{file}: the file is larger than {size}, the limit for each input; pass --max-bytes <size> (such as --max-bytes {next}) to read it",
    "zh-CN": "{file}: 文件大于 {size}，超过了每个输入的上限；要读取它，请加 --max-bytes <size>（例如 --max-bytes {next}）",
  },
  tooLongCell: {
    en: "{where}: a cell longer than {max} characters, the limit for a cell; pass --max-cell <n> to read it",
    "zh-CN": "{where}: 单元格长度超过 {max} 个字符，超过了单元格的上限；要读取它，请加 --max-cell <n>",
  },
  tooManyRows: {
    en: "{where}: more than {max} rows, the limit for each input; pass --max-rows <n> to read them all",
    "zh-CN": "{where}: 超过 {max} 行，超过了每个输入的上限；要全部读取，请加 --max-rows <n>",
  },
  // diff and true-ups.
  diffNotJson: {
    en: "{file}: payscore diff compares two runs saved as JSON, and this file is not JSON; save each run with: {make}",
    "zh-CN": "{file}: payscore diff 比较两次保存为 JSON 的计算结果，而这个文件不是 JSON；请这样保存每次计算：{make}",
  },
  diffCsv: {
    en: "{file}: payscore diff compares two runs saved as JSON, and this file is not JSON (it looks like a CSV; a CSV of payouts has no statements to compare); save each run with: {make}",
    "zh-CN": "{file}: payscore diff 比较两次保存为 JSON 的计算结果，而这个文件不是 JSON（它像是 CSV；薪酬 CSV 中没有可比较的明细）；请这样保存每次计算：{make}",
  },
  diffNotRun: {
    en: "{file}: not a saved run (make one with: payscore run <plan.json> --data <file> --format json --out {file})",
    "zh-CN": "{file}: 不是保存的计算结果（这样生成：payscore run <plan.json> --data <file> --format json --out {file}）",
  },
  paidNotRun: {
    en: "{file}: not a payscore run (the JSON that payscore run writes)",
    "zh-CN": "{file}: 不是 payscore 的计算结果（payscore run 写出的 JSON）",
  },
  paidNotRunAt: {
    en: "{file}: not a payscore run (the JSON that payscore run writes): {where}: {detail}",
    "zh-CN": "{file}: 不是 payscore 的计算结果（payscore run 写出的 JSON）：{where}：{detail}",
  },
  paidCurrency: {
    en: "{file}: the run is in {run}, the plan in {plan}; a true-up nets amounts of one currency",
    "zh-CN": "{file}: 该计算结果的币种是 {run}，方案的币种是 {plan}；多退少补只能轧差同一币种的金额",
  },
  paidRequired: {
    en: "{file}: the plan has a true-up (pay.trueUp) but no earlier runs were given; pass --paid <earlier-run.json> for each run paid this year (none yet: run without pay.trueUp)",
    "zh-CN": "{file}: 方案中有多退少补（pay.trueUp），但没有给出以前的计算结果；请为今年已发放的每次计算加 --paid <earlier-run.json>（还没有的话：去掉 pay.trueUp 再运行）",
  },
  paidWithoutTrueUp: {
    en: "payscore {command}: --paid is for a true-up, and the plan has no pay.trueUp",
    "zh-CN": "payscore {command}: --paid 用于多退少补，而方案中没有 pay.trueUp",
  },
  // Memory.
  memoryNeeded: {
    en: "payscore run: the inputs ({inputs}) need about {need} MiB of memory, more than the {limit} MiB this run may use",
    "zh-CN": "payscore run: 这些输入（{inputs}）约需 {need} MiB 内存，超过了本次计算可用的 {limit} MiB",
  },
  memoryHow: {
    en: 'give Node more memory with NODE_OPTIONS=--max-old-space-size=<MiB> (and --max-memory <MiB>), or split the run by team or region (see "Large runs" in docs/guide.md)',
    "zh-CN": "请用 NODE_OPTIONS=--max-old-space-size=<MiB>（以及 --max-memory <MiB>）给 Node 更多内存，或按团队或地区拆分计算（参见 docs/guide.md 中的“Large runs”）",
  },
  memoryHowHeap: {
    en: 'Node\'s heap limit is {heap} MiB: give Node more memory with NODE_OPTIONS=--max-old-space-size=<MiB> (and --max-memory <MiB>), or split the run by team or region (see "Large runs" in docs/guide.md)',
    "zh-CN": "Node 的堆上限是 {heap} MiB：请用 NODE_OPTIONS=--max-old-space-size=<MiB>（以及 --max-memory <MiB>）给 Node 更多内存，或按团队或地区拆分计算（参见 docs/guide.md 中的“Large runs”）",
  },
  // The plan's inputs.
  inputOutside: {
    en: '{file}: inputs.{kind} is {named}: {why}; name a file in the plan\'s folder (such as "{kind}.csv") or pass --{kind}',
    "zh-CN": '{file}: inputs.{kind} 是 {named}：{why}；请写方案所在文件夹中的文件（如 "{kind}.csv"），或用 --{kind} 给出',
  },
  whyAbsolute: { en: "an absolute path is not allowed in a plan", "zh-CN": "方案中不允许使用绝对路径" },
  whyLeaves: { en: "the path leaves the plan's folder", "zh-CN": "路径跳出了方案所在的文件夹" },
  whyLink: { en: "it is a link to a file outside the plan's folder", "zh-CN": "它是指向方案文件夹之外文件的链接" },
  // Bugs.
  internalError: {
    en: "payscore: internal error (a bug in payscore {version}; please report it with the command you ran): {detail}",
    "zh-CN": "payscore: 内部错误（payscore {version} 的缺陷；请连同所运行的命令一起报告）：{detail}",
  },
  // Locks.
  outputLocked: {
    en: "{file}: another payscore (process {pid}) is writing this file now; wait for it to finish, or write to another --out (the lock is {lock}; remove it only if no payscore is running)",
    "zh-CN": "{file}: 另一个 payscore（进程 {pid}）正在写这个文件；请等它完成，或用 --out 写到别的文件（锁文件是 {lock}；只有在没有 payscore 运行时才可删除它）",
  },
  lockKeepsChanging: {
    en: "{file}: could not lock the file ({lock} keeps changing: other programs are writing it); try again",
    "zh-CN": "{file}: 无法锁定文件（{lock} 一直在变：有其他程序在写它）；请重试",
  },
  // Missing inputs.
  listTwice: {
    en: '{file}: the file has its own "{kind}"; give them either there or with --{kind}, not both',
    "zh-CN": '{file}: 文件中已有 "{kind}"；要么写在文件里，要么用 --{kind} 给出，不能两者都有',
  },
  oneStdin: {
    en: "payscore: only one input can be - (standard input); give the others as files",
    "zh-CN": "payscore: 只能有一个输入是 -（标准输入）；其他输入请以文件给出",
  },
  ratingsTwice: {
    en: '{file}: the file has its own "ratings"; give the ratings either there or with --ratings, not both',
    "zh-CN": '{file}: 文件中已有 "ratings"；评分要么写在文件里，要么用 --ratings 给出，不能两者都有',
  },
  historyTwice: {
    en: '{file}: the file has its own "history"; give the history either there or with --history, not both',
    "zh-CN": '{file}: 文件中已有 "history"；历史数据要么写在文件里，要么用 --history 给出，不能两者都有',
  },
  transactionsRequired: {
    en: '{file}: the plan pays commission on collections (pay.commission.base.collections) but no transactions were given; pass --transactions <transactions.csv> (invoice,date,kind,amount,reps,shares) or name it in the plan\'s "inputs"',
    "zh-CN": '{file}: 方案按回款计提成（pay.commission.base.collections），但没有给出交易数据；请加 --transactions <transactions.csv>（invoice,date,kind,amount,reps,shares），或在方案的 "inputs" 中写明',
  },
  ratingsRequired: {
    en: "{file}: the plan has a 360 review (review360) but no ratings were given; pass --ratings <ratings.csv> (person,rater,group,score[,competency])",
    "zh-CN": "{file}: 方案中有 360 评估（review360），但没有给出评分；请加 --ratings <ratings.csv>（person,rater,group,score[,competency]）",
  },
  historyRequired: {
    en: '{file}: the plan has a promotion rule over the last {count} periods (promotion) but no history was given; pass --history <history.csv> (id and one column per earlier period, oldest first), name it in the plan\'s "inputs", or set promotion.missingHistory to "not-eligible"',
    "zh-CN": '{file}: 方案中有基于最近 {count} 期的晋升规则（promotion），但没有给出历史数据；请加 --history <history.csv>（id 列和每个往期一列，从最早的开始），或在方案的 "inputs" 中写明，或把 promotion.missingHistory 设为 "not-eligible"',
  },
  noPerson: {
    en: "payscore explain: no person {person} in the run; the ids are: {ids}{more}",
    "zh-CN": "payscore explain: 本次计算中没有人员 {person}；现有的 id 为：{ids}{more}",
  },
  idsMore: { en: ", … ({count} in all)", "zh-CN": "，…（共 {count} 个）" },
} as const satisfies Readonly<Record<string, Readonly<Record<CliLocale, string>>>>;

/** The key of a command-line message. */
export type CliMessageKey = keyof typeof CLI_MESSAGES;

/** The names of the `{name}` parameters in a text. */
type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer R}` ? (P extends `${string}${" " | "{"}${string}` ? ParamNames<`${P}}${R}`> : P | ParamNames<R>) : never;

/** What a parameter holds: text or a number, another message, a list of messages joined with "and", or choices joined with "or". */
export type CliParam = string | number | CliMessage | readonly CliMessage[] | { readonly oneOf: readonly string[] };

/** A message: a key of {@link CLI_MESSAGES} and its parameters, rendered in a locale when it is printed. */
export interface CliMessage<K extends CliMessageKey = CliMessageKey> {
  readonly key: K;
  readonly params: Readonly<Record<ParamNames<(typeof CLI_MESSAGES)[K]["en"]>, CliParam>>;
}

/**
 * Makes a command-line message from its key and parameters; the parameters are typed from the
 * English text, so a missing one does not compile.
 *
 * @param key - the message's key in {@link CLI_MESSAGES}
 * @param params - the value of each `{name}` in its text
 * @returns the message, to give to a `CliError` or render with `renderCliMessage`
 *
 * @example
 * ```ts
 * cliMessage("noSuchFile", { file: "plan.json" }); // { key: "noSuchFile", params: { file: "plan.json" } }
 * ```
 */
export function cliMessage<K extends CliMessageKey>(key: K, params: CliMessage<K>["params"]): CliMessage<K> {
  return { key, params };
}
