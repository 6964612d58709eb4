import MaturityCore

/// The messages of reading an xlsx workbook (SheetProblem, XLSXReader, ZipParts).
extension Diagnostic.Message {
    // MARK: The file and its zip

    static func workbookTooLarge(_ file: String, bytes: Int, megabytes: Int) -> Self {
        Self(
            en: "'\(file)' is \(bytes) bytes, more than the \(megabytes) MB a workbook may have",
            zh: "'\(file)' 有 \(bytes) 字节，超过工作簿允许的 \(megabytes) MB")
    }

    static func workbookStreamTooLarge(_ file: String, megabytes: Int) -> Self {
        Self(
            en: "'\(file)' is more than the \(megabytes) MB a workbook may have",
            zh: "'\(file)' 超过工作簿允许的 \(megabytes) MB")
    }

    static let removePictures = Self(
        en: "a worksheet or catalog this tool reads is well under a megabyte; remove pictures and unused sheets",
        zh: "本工具读取的工作表或准则远小于 1 MB；请删去图片和不用的工作表")

    static func compoundFile(_ file: String) -> Self {
        Self(
            en: "'\(file)' is an Excel 97–2003 workbook (.xls) or a password-protected one, not an xlsx file",
            zh: "'\(file)' 是 Excel 97–2003 工作簿（.xls）或有密码保护的工作簿，不是 xlsx 文件")
    }

    static let saveWithoutPassword = Self(
        en: "open it in Excel or WPS and save it as Excel Workbook (.xlsx) without a password",
        zh: "用 Excel 或 WPS 打开，不设密码另存为“Excel 工作簿（.xlsx）”")

    static func notZip(_ file: String) -> Self {
        Self(
            en: "'\(file)' is not an xlsx workbook: it is not a zip archive", zh: "'\(file)' 不是 xlsx 工作簿：它不是 zip 压缩包")
    }

    static let saveAsXLSX = Self(
        en: "save the sheet as Excel Workbook (.xlsx); CSV, .xls and .et files are not read",
        zh: "把表格另存为“Excel 工作簿（.xlsx）”；不读取 CSV、.xls 和 .et 文件")

    static func damagedZip(_ file: String) -> Self {
        Self(en: "'\(file)' is a damaged zip archive", zh: "'\(file)' 是损坏的 zip 压缩包")
    }

    static let saveAgainAsXLSX = Self(
        en: "open it in a spreadsheet program and save it again as .xlsx", zh: "用电子表格软件打开，重新另存为 .xlsx")

    static func tooManyParts(_ file: String, limit: Int) -> Self {
        Self(
            en: "'\(file)' holds more than \(limit) parts, more than a workbook has",
            zh: "'\(file)' 含有超过 \(limit) 个部件，工作簿不会有这么多")
    }

    static func partTwice(_ file: String, part: String) -> Self {
        Self(en: "'\(file)' holds part '\(part)' twice", zh: "'\(file)' 中部件 '\(part)' 出现了两次")
    }

    static let eachPartOnce = Self(
        en: "a workbook has each part once; save it again in a spreadsheet program", zh: "工作簿中每个部件只有一个；请用电子表格软件重新保存")

    static func damagedPart(_ file: String, part: String) -> Self {
        Self(
            en: "part '\(part)' of '\(file)' is damaged: it does not inflate to the data its checksum names",
            zh: "'\(file)' 的部件 '\(part)' 已损坏：解压后的数据与校验和不符")
    }

    static let openAndSaveAgain = Self(
        en: "open the file in a spreadsheet program and save it again", zh: "用电子表格软件打开文件，重新保存")

    static func partInflatesTooMuch(_ file: String, part: String, megabytes: Int) -> Self {
        Self(
            en: "part '\(part)' of '\(file)' inflates to more than \(megabytes) MB; reading stopped there",
            zh: "'\(file)' 的部件 '\(part)' 解压后超过 \(megabytes) MB；读取在此停止")
    }

    static func partsInflateTooMuch(_ file: String, megabytes: Int) -> Self {
        Self(
            en: "the parts of '\(file)' inflate to more than \(megabytes) MB in all; reading stopped there",
            zh: "'\(file)' 的各部件解压后共超过 \(megabytes) MB；读取在此停止")
    }

    static let zipBomb = Self(
        en: "a worksheet is far smaller; the file may be a zip bomb", zh: "工作表远比这小；此文件可能是 zip 炸弹")

    static func noWorkbookPart(_ file: String) -> Self {
        Self(
            en: "'\(file)' has no workbook part (xl/workbook.xml)", zh: "'\(file)' 中没有工作簿部件（xl/workbook.xml）")
    }

    static let isItXLSX = Self(
        en: "is it an xlsx file? OpenDocument (.ods) and Word files are zip archives too",
        zh: "这是 xlsx 文件吗？OpenDocument（.ods）和 Word 文件也是 zip 压缩包")

    static func linksToWorkbook(_ file: String, target: String) -> Self {
        Self(
            en: "'\(file)' links to another workbook ('\(target)'); linked values are not read",
            zh: "'\(file)' 链接到另一个工作簿（'\(target)'）；不读取链接的值")
    }

    static let breakLinks = Self(
        en: "break the links (Excel: Data → Edit Links → Break Link; WPS: 数据 → 编辑链接 → 断开链接) and save",
        zh: "断开链接（Excel：数据 → 编辑链接 → 断开链接；WPS：数据 → 编辑链接 → 断开链接）后保存")

    static func noWorksheets(_ file: String) -> Self {
        Self(en: "'\(file)' has no worksheets", zh: "'\(file)' 中没有工作表")
    }

    static func sheetHasNoPart(_ file: String, sheet: String) -> Self {
        Self(en: "sheet '\(sheet)' has no part in '\(file)'", zh: "工作表 '\(sheet)' 在 '\(file)' 中没有部件")
    }

    static let workbookDamagedOpenAndSave = Self(
        en: "the workbook is damaged; open it in a spreadsheet program and save it again",
        zh: "工作簿已损坏；请用电子表格软件打开并重新保存")

    static func notAnXLSXFile(_ shown: String, is kind: FileKind) -> Self {
        Self(en: "'\(shown)' is \(kind.phrase), not an xlsx file", zh: "'\(shown)' 是\(kind.phraseZh)，不是 xlsx 文件")
    }

    static func cannotReadWorkbook(_ shown: String, reason: String) -> Self {
        let why = fileReason(reason)
        return Self(en: "cannot read '\(shown)': \(why.en)", zh: "无法读取 '\(shown)'：\(why.zh)")
    }

    static func noRoomForCopy(_ file: String) -> Self {
        Self(en: "cannot read '\(file)': no room for a temporary copy", zh: "无法读取 '\(file)'：没有空间存放临时副本")
    }

    // MARK: XML

    static func declaresDTD(_ file: String, part: String) -> Self {
        Self(
            en:
                "part '\(part)' of '\(file)' declares a DTD or entities, which SpreadsheetML never does; it is not read",
            zh: "'\(file)' 的部件 '\(part)' 声明了 DTD 或实体，SpreadsheetML 从不这样做；不读取它")
    }

    static let entitiesRefused = Self(
        en: "XML entity declarations are refused (entity expansion); save the file again",
        zh: "拒绝 XML 实体声明（实体展开）；请重新保存文件")

    static func partNotUTF8(_ file: String, part: String, line: Int, column: Int) -> Self {
        Self(
            en: "part '\(part)' of '\(file)' is not UTF-8 XML (line \(line), column \(column))",
            zh: "'\(file)' 的部件 '\(part)' 不是 UTF-8 XML（第 \(line) 行，第 \(column) 列）")
    }

    static let saveAgainInSpreadsheet = Self(
        en: "save the file again in a spreadsheet program", zh: "请用电子表格软件重新保存文件")

    static func malformedXML(_ file: String, part: String, line: Int, column: Int, reason: String) -> Self {
        Self(
            en: "part '\(part)' of '\(file)' is not well-formed XML at line \(line), column \(column): \(reason)",
            zh: "'\(file)' 的部件 '\(part)' 在第 \(line) 行第 \(column) 列不是格式正确的 XML：\(reason)")
    }

    // MARK: Cells

    static func rowBeyondLimit(_ row: Int, limit: Int) -> Self {
        Self(
            en: "row \(row) is beyond the \(limit) rows a sheet may have; reading stopped there",
            zh: "第 \(row) 行超出工作表允许的 \(limit) 行；读取在此停止")
    }

    static let deleteRowsBelow = Self(
        en: "a sheet of this tool has one row per criterion, evidence item or action; delete the rows below the table",
        zh: "本工具的工作表每个评价项、证据或行动项占一行；请删去表格下方的行")

    static func columnBeyondLimit(_ column: String, limit: Int) -> Self {
        Self(
            en: "column \(column) is beyond the \(limit) columns a sheet may have",
            zh: "第 \(column) 列超出工作表允许的 \(limit) 列")
    }

    static let deleteColumnsRight = Self(
        en: "delete the columns to the right of the table", zh: "请删去表格右侧的列")

    static func notACellReference(_ text: String) -> Self {
        Self(en: "'\(text)' is not a cell reference", zh: "'\(text)' 不是单元格引用")
    }

    static let cellsOutOfOrder = Self(
        en: "the cell comes after a cell below it or to its right; a sheet lists its cells in order",
        zh: "此单元格排在它下方或右侧的单元格之后；工作表应按顺序列出单元格")

    static func badSharedString(_ index: String, count: Int) -> Self {
        Self(
            en: "the cell refers to shared string '\(index)', which is not one of the workbook's \(count)",
            zh: "单元格引用的共享字符串 '\(index)' 不在工作簿的 \(count) 个共享字符串之中")
    }

    static let workbookDamagedSaveAgain = Self(
        en: "the workbook is damaged; save it again in a spreadsheet program", zh: "工作簿已损坏；请用电子表格软件重新保存")

    static func cellValueNot(_ text: String, type: Self) -> Self {
        Self(en: "the cell's value '\(text)' is not \(type.en)", zh: "单元格的值 '\(text)' 不是\(type.zh)")
    }

    static let trueOrFalseValue = Self(en: "true or false (1 or 0)", zh: " true 或 false（1 或 0）")
    static let dateValue = Self(en: "a date", zh: "日期")
    static let numberValue = Self(en: "a number", zh: "数字")

    static func cellControlCharacter(_ hex: String) -> Self {
        Self(en: "the cell holds the control character U+\(hex)", zh: "单元格中有控制字符 U+\(hex)")
    }

    static let deleteControlCharacter = Self(
        en: "delete it (most spreadsheets do not show it); a cell may hold line breaks and tabs, no other controls",
        zh: "请删去它（多数电子表格软件不显示它）；单元格中只能有换行和制表符，不能有其他控制字符")

    static func cellTooLong(_ count: Int, limit: Int) -> Self {
        Self(
            en: "the cell holds \(count) characters, more than the \(limit) a cell may have",
            zh: "单元格有 \(count) 个字符，超过单元格允许的 \(limit) 个")
    }

    static func tooManySheetProblems(_ file: String, limit: Int) -> Self {
        Self(
            en: "more than \(limit) problems in '\(file)'; reading stopped there",
            zh: "'\(file)' 中的问题超过 \(limit) 个；读取在此停止")
    }
}
