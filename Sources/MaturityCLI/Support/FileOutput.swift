import Foundation
import MaturityCore

/// Writes output files safely, for every command: a regular file is never left half-written (a
/// temporary file beside it, flushed, then renamed over it, keeping its mode), a symbolic link is
/// written through to its target, a pipe or terminal is written to directly, and nothing replaces a
/// file the command read, a read-only file, a folder or another special file.
enum FileOutput {
    /// A file the command read: no output may be the same file (device and inode, after links).
    struct Input: Sendable {
        var path: String
        var shown: String
    }

    /// Writes `text` to the absolute `path`; `shown` is the path as the user gave it, for messages.
    static func write(
        _ text: String, to path: String, shown: String? = nil, inputs: [Input] = [], unchangedSince: Snapshot? = nil
    ) throws(DiagnosticError) {
        try write(Data(text.utf8), to: path, shown: shown, inputs: inputs, unchangedSince: unchangedSince)
    }

    /// What a file was when it was read: device, inode, size and modification time. A save by another
    /// program changes one of them.
    struct Snapshot: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: timespec

        init?(_ path: String) {
            var status = stat()
            guard stat(Target.resolve(path).path, &status) == 0 else { return nil }
            self.init(status)
        }

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            modified = status.st_mtim
        }

        func matches(_ status: stat) -> Bool { self == Snapshot(status) }

        static func == (a: Snapshot, b: Snapshot) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size
                && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
        }
    }

    /// `unchangedSince`: the file as it was read; if it changed since (an editor saved it), nothing is
    /// written.
    static func write(
        _ data: Data, to path: String, shown: String? = nil, inputs: [Input] = [], unchangedSince: Snapshot? = nil
    ) throws(DiagnosticError) {
        try replace(path, shown: shown ?? path, inputs: inputs, unchangedSince: unchangedSince) { fd in
            data.withUnsafeBytes { writeAll(fd, $0) }
        }
    }

    /// Copies the file at `source` to `path` in 1 MB pieces (evidence files may be large).
    static func copy(file source: String, to path: String, shown: String) throws(DiagnosticError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else {
            throw DiagnosticError(Diagnostic(.error, .cannotReadFile(source, .systemReason(errno)), at: .file(source)))
        }
        defer { close(input) }
        try replace(path, shown: shown, inputs: [Input(path: source, shown: source)]) { fd in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                let n = read(input, buffer.baseAddress, buffer.count)
                if n < 0, errno == EINTR { continue }
                if n < 0 { return errno }
                if n == 0 { return 0 }
                let failure = writeAll(fd, UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                if failure != 0 { return failure }
            }
        }
    }

    /// Creates the output folder `folder` (`output` as the user typed it) and refuses an existing `file` in
    /// it — a symbolic link there too, dangling or not — unless `overwrite`; `hint` says what to do instead.
    static func prepareFolder(_ folder: String, output: String, file: String, overwrite: Bool, hint: Diagnostic.Message)
        throws(DiagnosticError)
    {
        let shown = PathText.join(output, file)
        var status = stat()
        if !overwrite, lstat(PathText.join(folder, file), &status) == 0 {
            throw DiagnosticError(
                Diagnostic(.error, .alreadyExistsNotOverwritten(shown), at: .file(shown), hint: hint))
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(Diagnostic(.error, .cannotCreateFolder(output), at: .file(output)))
        }
    }

    /// Runs `body` holding an exclusive lock on the folder of `path` (after links), so that two
    /// commands updating one file in place (the plan) take turns instead of losing an update. No lock
    /// file is left behind: the folder itself is locked.
    static func locked<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        let folder = PathText.folder(of: Target.resolve(path).path)
        let fd = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return try body() }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0, errno == EINTR {}
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Whether writing `path` would land outside `folder` through a symbolic link: the path itself (a
    /// link, dangling or not), or the nearest folder on its way that exists, resolves outside the folder.
    static func leadsOutside(_ path: String, folder: String) -> Bool {
        guard let realFolder = DiskFiles().realPath(folder) else { return false }
        func inside(_ real: String) -> Bool {
            real == realFolder || real.hasPrefix(realFolder.hasSuffix("/") ? realFolder : realFolder + "/")
        }
        var status = stat()
        if lstat(path, &status) == 0 {
            guard let real = DiskFiles().realPath(path) else { return true }
            return !inside(real)
        }
        var current = path
        while true {
            current = PathText.folder(of: current)
            if current.isEmpty { return false }
            if let real = DiskFiles().realPath(current) { return !inside(real) }
        }
    }

    // MARK: The one way a file is replaced

    /// Where a write to `path` really goes: the end of its symbolic links, or a descriptor the path
    /// names (`/dev/stdout`, `/dev/fd/N`).
    struct Target {
        var path: String
        var descriptor: Int32?

        static func resolve(_ path: String) -> Target {
            var current = path
            for _ in 0..<40 {
                if let fd = descriptor(named: current) { return Target(path: current, descriptor: fd) }
                var status = stat()
                guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { break }
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(current, &buffer, buffer.count - 1)
                guard n > 0 else { break }
                let link = String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                current = link.hasPrefix("/") ? link : PathText.join(PathText.folder(of: current), link)
            }
            return Target(path: current, descriptor: nil)
        }

        /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: the process's own descriptor N.
        static func descriptor(named path: String) -> Int32? {
            switch path {
            case "/dev/stdout": return 1
            case "/dev/stderr": return 2
            default: break
            }
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                if let fd = Int32(path.dropFirst(prefix.count)), fd >= 0 { return fd }
            }
            return nil
        }
    }

    /// Replaces the file at `path` with what `produce` writes to a descriptor (it returns 0 or an errno).
    static func replace(
        _ path: String, shown: String, inputs: [Input], unchangedSince: Snapshot? = nil, produce: (Int32) -> Int32
    ) throws(DiagnosticError) {
        func failure(_ problem: Diagnostic.Message, hint: Diagnostic.Message? = nil) -> DiagnosticError {
            DiagnosticError(Diagnostic(.error, .cannotWrite(shown, problem), at: .file(shown), hint: hint))
        }
        let name = PathText.lastComponent(of: path)
        if path.isEmpty || path.hasSuffix("/") || shown.hasSuffix("/") || name == "." || name == ".." {
            throw failure(.namesAFolder)
        }
        let target = Target.resolve(path)
        if let fd = target.descriptor {
            let code = produce(fd)
            guard code == 0 else { throw failure(.systemReason(code)) }
            return
        }
        var status = stat()
        let exists = stat(target.path, &status) == 0
        if exists {
            for input in inputs {
                var other = stat()
                if stat(input.path, &other) == 0, other.st_dev == status.st_dev, other.st_ino == status.st_ino {
                    throw failure(.sameFileAsInput(input.shown), hint: .writeToAnotherFile)
                }
            }
            switch FileKind(status) {
            case .regular:
                break
            case .folder:
                throw failure(.namesAFolder)
            case .pipe, .characterDevice:
                // A pipe or a terminal (or /dev/null) is written to, never replaced by a regular file.
                let fd = open(target.path, O_WRONLY | O_NOCTTY | O_CLOEXEC)
                guard fd >= 0 else { throw failure(.systemReason(errno)) }
                defer { close(fd) }
                let code = produce(fd)
                guard code == 0 else { throw failure(.systemReason(code)) }
                return
            case let kind:
                throw failure(.isNotARegularFile(kind), hint: .writeToRegularFile)
            }
            // As editors do: a file made read-only is not replaced behind its owner's back (the folder
            // being writable would allow it, and root may write anything).
            if status.st_mode & 0o222 == 0 {
                throw failure(.isReadOnly, hint: .makeWritable)
            }
            if access(target.path, W_OK) != 0 { throw failure(.systemReason(errno)) }
            if let snapshot = unchangedSince, !snapshot.matches(status) {
                throw failure(.changedWhileUpdated, hint: .runAgainNotOverwritten)
            }
        }
        let folder = PathText.folder(of: target.path)
        let realFolder = folder.isEmpty ? "." : folder
        guard FileKind.onDisk(realFolder) == .folder else {
            let shownFolder = target.path == path ? PathText.folder(of: shown) : folder
            throw failure(.folderDoesNotExist(shownFolder.isEmpty ? "." : shownFolder), hint: .createFolderFirst)
        }
        removeAbandonedTemporaries(of: PathText.lastComponent(of: target.path), in: realFolder)
        let temporary = PathText.join(
            realFolder,
            "." + PathText.lastComponent(of: target.path) + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        // A new file gets 0666 less the umask, as any program's; a replaced one keeps its mode and owner.
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0o600 : 0o666)
        guard fd >= 0 else { throw failure(.systemReason(errno)) }
        if exists {
            fchmod(fd, status.st_mode & 0o7777)
            if geteuid() == 0 { fchown(fd, status.st_uid, status.st_gid) }
        }
        var code = produce(fd)
        if code == 0, fsync(fd) != 0 { code = errno }
        close(fd)
        if code == 0, let snapshot = unchangedSince {
            // Checked again just before the rename: an editor may have saved meanwhile.
            var now = stat()
            if stat(target.path, &now) != 0 || !snapshot.matches(now) {
                unlink(temporary)
                throw failure(.changedWhileUpdated, hint: .runAgainNotOverwritten)
            }
        }
        if code == 0 { pauseBeforeRenameIfTesting(temporary) }
        if code == 0, rename(temporary, target.path) != 0 { code = errno }
        if code != 0 {
            unlink(temporary)
            throw failure(.systemReason(code))
        }
    }

    /// Writes every byte, retrying short writes; 0 or the errno.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return 0
    }

    /// Test hook: with `MATURITY_TEST_PAUSE_BEFORE_RENAME=1` in the environment, a writer whose temporary file
    /// is complete and flushed says so on standard error and waits 30 seconds before renaming it, so a test
    /// can kill it exactly there, every time.
    static func pauseBeforeRenameIfTesting(_ temporary: String) {
        guard ProcessInfo.processInfo.environment["MATURITY_TEST_PAUSE_BEFORE_RENAME"] == "1" else { return }
        FileHandle.standardError.write(Data("paused before rename: \(temporary)\n".utf8))
        sleep(30)
    }

    /// Temporary files a killed writer of `name` left behind (`.name.tmp-PID-N` whose process is gone).
    static func removeAbandonedTemporaries(of name: String, in folder: String) {
        let prefix = "." + name + ".tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH {
                unlink(folder + "/" + entry)
            }
        }
    }
}
