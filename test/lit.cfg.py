# -*- Python -*-
# The lit configuration of the Ember test suite.

import os
import shutil
import subprocess

import lit.formats
from lit.llvm import llvm_config

config.name = "Ember"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".ember", ".mojo", ".mlir", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py", "check_output.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.ember_obj_root, "test")

llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)
# Every program a test runs reports memory it never freed, and fails.
config.environment["EMBER_CHECK_LEAKS"] = "1"

config.substitutions.append(("%emberc", os.path.join(config.ember_tools_dir, "emberc")))
config.substitutions.append(("%ember-opt", os.path.join(config.ember_tools_dir, "ember-opt")))
config.substitutions.append(("%examples", os.path.join(config.ember_src_root, "examples")))
config.substitutions.append(("%python", "python3"))
config.substitutions.append(
    ("%check-output", "python3 " + os.path.join(config.test_source_root, "check_output.py")))
config.substitutions.append(("%ember_src", config.ember_src_root))

# GPU tests: PTX is checked with ptxas where a CUDA toolkit is, and kernels
# run on a GPU where one is (`REQUIRES: cuda`); everywhere else they run in
# the emulator.
cuda_home = os.environ.get("CUDA_HOME") or "/usr/local/cuda"
ptxas = os.path.join(cuda_home, "bin", "ptxas")
if os.access(ptxas, os.X_OK):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", ptxas))
nvidia_smi = shutil.which("nvidia-smi")
if nvidia_smi and subprocess.run([nvidia_smi, "-L"], capture_output=True).returncode == 0:
    config.available_features.add("cuda")
