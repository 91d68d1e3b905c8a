//===- Options.h - emberc's command line ------------------------*- C++ -*-===//

#ifndef EMBER_LIB_DRIVER_OPTIONS_H
#define EMBER_LIB_DRIVER_OPTIONS_H

#include "ember/Basic/Diagnostic.h"
#include "ember/Target/LLVMTarget.h"

#include <optional>
#include <string>
#include <vector>

namespace ember {

/// How far a compilation goes and what it writes.
enum class EmitKind { Tokens, AST, Ember, MLIRLLVM, LLVM, Asm, Obj, PTX, Exe };

/// What kernels run on: `--gpu=auto` finds a CUDA GPU (EMBER_GPU=emulate,
/// cuda or none decides instead), `cuda` compiles for one, `emulate` for
/// the emulator, `none` for no GPU.
enum class GPUMode { Auto, CUDA, Emulate, None };

struct Options {
  enum class Mode { Build, Run, Emit } mode = Mode::Emit;
  std::string argv0;
  std::string input;
  std::string output; ///< Empty: a default that depends on the emit kind.
  EmitKind emit = EmitKind::Exe;
  TargetOptions target;
  bool printDebugInfo = false; ///< Print MLIR locations.
  bool verifyEach = false;     ///< Verify the IR after every MLIR pass.
  bool crashForTesting = false;
  /// Index, division and `Optional` checks (`--no-runtime-checks` or
  /// `-D ASSERT=none` turn them off).
  bool runtimeChecks = true;
  GPUMode gpu = GPUMode::Auto;
  std::string gpuChip = "sm_90"; ///< `--target-accelerator=`.
  DiagnosticOptions diagnostics;
  std::vector<std::string> programArgs; ///< For `emberc run`.
};

/// Parses the command line. Returns an exit status when emberc should stop
/// right away (after --help, --version or a usage error).
std::optional<int> parseOptions(int argc, char **argv, Options &options,
                                DiagnosticEngine &diags);

} // namespace ember

#endif
