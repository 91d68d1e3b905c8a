//===- Linker.cpp - Linking and running programs --------------------------===//

#include "Linker.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <csignal>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

using namespace ember;

TempFile::~TempFile() {
  if (!filePath.empty())
    llvm::sys::fs::remove(filePath);
}

bool TempFile::create(std::string &error) {
  llvm::SmallString<128> path;
  if (std::error_code ec =
          llvm::sys::fs::createTemporaryFile(prefix, suffix, path)) {
    error = "cannot create a temporary file: " + ec.message();
    return false;
  }
  filePath = path.str().str();
  return true;
}

/// libember_rt.a next to the compiler (`bin/../lib`), else where the build
/// put it.
static std::string findRuntimeLibrary(const std::string &argv0) {
  std::string exe = llvm::sys::fs::getMainExecutable(
      argv0.c_str(), reinterpret_cast<void *>(&findRuntimeLibrary));
  llvm::SmallString<256> path(llvm::sys::path::parent_path(exe));
  llvm::sys::path::append(path, "..", "lib", "libember_rt.a");
  if (llvm::sys::fs::exists(path))
    return path.str().str();
  return EMBER_RUNTIME_LIBRARY;
}

/// The C compiler driver used as linker: $EMBER_CC, clang-22, clang or cc.
static std::string findLinker() {
  if (const char *cc = std::getenv("EMBER_CC"))
    return cc;
  for (const char *name : {"clang-22", "clang", "cc"})
    if (auto path = llvm::sys::findProgramByName(name))
      return *path;
  return {};
}

bool ember::linkExecutable(const std::string &argv0, const std::string &object,
                           const std::string &output, bool usesOpenMP,
                           std::string &error) {
  std::string linker = findLinker();
  if (linker.empty()) {
    error = "no C compiler found to link with (tried clang-22, clang, cc; "
            "set EMBER_CC)";
    return false;
  }
  std::string runtime = findRuntimeLibrary(argv0);
  llvm::SmallVector<llvm::StringRef> args = {linker, object, runtime, "-lm",
                                             "-o", output};
  // LLVM's OpenMP runtime, found where the program runs too.
  const std::string openMPDir = EMBER_OPENMP_LIBRARY_DIR;
  const std::string libraryPath = "-L" + openMPDir;
  const std::string runPath = "-Wl,-rpath," + openMPDir;
  if (usesOpenMP)
    args.append({libraryPath, "-lomp", runPath});
  std::string message;
  int status = llvm::sys::ExecuteAndWait(linker, args, std::nullopt, {}, 0, 0,
                                         &message);
  if (status != 0) {
    error = "linking failed" + (message.empty() ? "" : ": " + message);
    return false;
  }
  return true;
}

int ember::runProgram(const std::string &exe,
                      const std::vector<std::string> &args) {
  std::vector<char *> argv;
  argv.push_back(const_cast<char *>(exe.c_str()));
  for (const std::string &arg : args)
    argv.push_back(const_cast<char *>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    execv(exe.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  llvm::sys::fs::remove(exe);
  if (pid < 0)
    return 127;
  if (WIFSIGNALED(status)) {
    std::signal(WTERMSIG(status), SIG_DFL);
    std::raise(WTERMSIG(status));
    return 128 + WTERMSIG(status);
  }
  return WEXITSTATUS(status);
}
