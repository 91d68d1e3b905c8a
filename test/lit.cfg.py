# -*- Python -*-
# The lit configuration of the Ember test suite.

import os

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
