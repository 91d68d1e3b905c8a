//===- Options.cpp - emberc's command line --------------------------------===//

#include "Options.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

using namespace ember;
using llvm::StringRef;

#ifndef EMBER_VERSION
#define EMBER_VERSION "unknown"
#endif

static const char *const usage = R"(OVERVIEW: emberc - the Ember compiler

USAGE: emberc build FILE [-o OUT] [options]   compile FILE to an executable
       emberc run [options] FILE [ARGS...]    compile and run FILE with ARGS
       emberc FILE --emit=KIND [-o OUT]       stop after a stage and print it

OPTIONS:
  --emit=KIND           tokens, ast, ember, mlir-llvm, llvm, asm, obj, ptx
                        or exe
  -o FILE               the output file ('-' for standard output)
  -O0, -O1, -O2, -O3    optimization level (default: -O2)
  --target-cpu=CPU      the CPU to compile for (default: the host's)
  --target-triple=T     the target triple (default: the host's)
  --gpu=MODE            where kernels run: auto (default: a CUDA GPU if this
                        machine has one), cuda, emulate (on the CPU) or none
  --target-accelerator=sm_XX  the NVIDIA GPU to compile for (default: sm_90)
  --no-runtime-checks   no index, division or Optional checks at run time
  -D ASSERT=none        the same, as Mojo spells it (ASSERT=all: checks on)
  --mlir-print-debuginfo  print source locations in MLIR output
  --verify-each         verify the IR after every MLIR pass
  --color=WHEN          color diagnostics: auto (default), always or never
  -Werror               treat warnings as errors
  --max-errors=N        stop after N errors (default 20, 0 for no limit)
  --help                show this help
  --version             show the version
)";

std::optional<int> ember::parseOptions(int argc, char **argv,
                                       Options &options,
                                       DiagnosticEngine &diags) {
  auto usageError = [&](const llvm::Twine &message) {
    diags.report(llvm::SMLoc(), DiagID::err_usage, message.str());
    return 1;
  };
  options.argv0 = argv[0];
  int i = 1;
  if (i < argc && StringRef(argv[i]) == "build") {
    options.mode = Options::Mode::Build;
    ++i;
  } else if (i < argc && StringRef(argv[i]) == "run") {
    options.mode = Options::Mode::Run;
    ++i;
  }
  for (; i < argc; ++i) {
    StringRef arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      llvm::outs() << usage;
      return 0;
    }
    if (arg == "--version") {
      llvm::outs() << "emberc version " << EMBER_VERSION << "\n";
      return 0;
    }
    if (arg == "-o") {
      if (++i == argc)
        return usageError("missing file name after '-o'");
      options.output = argv[i];
      continue;
    }
    if (arg.consume_front("--emit=")) {
      auto kind = llvm::StringSwitch<std::optional<EmitKind>>(arg)
                      .Case("tokens", EmitKind::Tokens)
                      .Case("ast", EmitKind::AST)
                      .Case("ember", EmitKind::Ember)
                      .Case("mlir-llvm", EmitKind::MLIRLLVM)
                      .Case("llvm", EmitKind::LLVM)
                      .Case("asm", EmitKind::Asm)
                      .Case("obj", EmitKind::Obj)
                      .Case("ptx", EmitKind::PTX)
                      .Case("exe", EmitKind::Exe)
                      .Default(std::nullopt);
      if (!kind)
        return usageError("unknown --emit kind '" + arg + "'");
      options.emit = *kind;
      continue;
    }
    if (arg.size() == 3 && arg.starts_with("-O") && arg[2] >= '0' &&
        arg[2] <= '3') {
      options.target.optLevel = arg[2] - '0';
      continue;
    }
    if (arg == "--mlir-print-debuginfo") {
      options.printDebugInfo = true;
      continue;
    }
    if (arg == "--verify-each") {
      options.verifyEach = true;
      continue;
    }
    if (arg == "-Werror") {
      options.diagnostics.warningsAsErrors = true;
      continue;
    }
    if (arg.consume_front("--color=")) {
      auto color =
          llvm::StringSwitch<std::optional<DiagnosticOptions::Color>>(arg)
              .Case("auto", DiagnosticOptions::Color::Auto)
              .Case("always", DiagnosticOptions::Color::Always)
              .Case("never", DiagnosticOptions::Color::Never)
              .Default(std::nullopt);
      if (!color)
        return usageError("--color must be auto, always or never");
      options.diagnostics.color = *color;
      continue;
    }
    if (arg.consume_front("--max-errors=")) {
      if (arg.getAsInteger(10, options.diagnostics.maxErrors))
        return usageError("--max-errors needs a number");
      continue;
    }
    if (arg == "--internal-crash-for-testing") {
      options.crashForTesting = true;
      continue;
    }
    if (arg == "--no-runtime-checks") {
      options.runtimeChecks = false;
      continue;
    }
    // `-D NAME=VALUE` or `-DNAME=VALUE`: Mojo's defines; `ASSERT` is known.
    if (arg.consume_front("-D")) {
      if (arg.empty()) {
        if (++i == argc)
          return usageError("missing NAME=VALUE after '-D'");
        arg = argv[i];
      }
      auto [name, value] = arg.split('=');
      if (name != "ASSERT")
        return usageError("unknown define '" + name +
                          "'; the known one is ASSERT=none|all");
      if (value != "none" && value != "all" && value != "safe")
        return usageError("ASSERT takes none, safe or all, not '" + value + "'");
      options.runtimeChecks = value != "none";
      continue;
    }
    if (arg.consume_front("--gpu=")) {
      auto mode = llvm::StringSwitch<std::optional<GPUMode>>(arg)
                      .Case("auto", GPUMode::Auto)
                      .Case("cuda", GPUMode::CUDA)
                      .Case("emulate", GPUMode::Emulate)
                      .Case("none", GPUMode::None)
                      .Default(std::nullopt);
      if (!mode)
        return usageError("--gpu must be auto, cuda, emulate or none");
      options.gpu = *mode;
      continue;
    }
    if (arg.consume_front("--target-accelerator=")) {
      // Mojo also spells it `nvidia:90`.
      if (arg.consume_front("nvidia:"))
        options.gpuChip = ("sm_" + arg).str();
      else
        options.gpuChip = arg.str();
      if (!StringRef(options.gpuChip).starts_with("sm_"))
        return usageError("--target-accelerator takes an NVIDIA GPU such as "
                          "sm_90, not '" + arg + "'");
      continue;
    }
    if (arg.consume_front("--target-cpu=")) {
      options.target.cpu = arg.str();
      continue;
    }
    if (arg.consume_front("--target-triple=")) {
      options.target.triple = arg.str();
      continue;
    }
    if (arg.starts_with("-") && arg != "-")
      return usageError("unknown option '" + arg + "'");
    if (!options.input.empty())
      return usageError("more than one input file: '" + options.input +
                        "' and '" + arg + "'");
    options.input = arg.str();
    // Everything after the file of `emberc run` belongs to the program.
    if (options.mode == Options::Mode::Run) {
      options.programArgs.assign(argv + i + 1, argv + argc);
      break;
    }
  }
  if (options.input.empty())
    return usageError("no input file");
  if (options.mode != Options::Mode::Emit && options.emit != EmitKind::Exe)
    return usageError("--emit cannot be used with 'build' or 'run'");
  return std::nullopt;
}
