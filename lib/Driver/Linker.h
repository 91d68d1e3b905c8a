//===- Linker.h - Linking and running programs ------------------*- C++ -*-===//

#ifndef EMBER_LIB_DRIVER_LINKER_H
#define EMBER_LIB_DRIVER_LINKER_H

#include <string>
#include <vector>

namespace ember {

/// A temporary file, removed when this object dies.
class TempFile {
public:
  TempFile(std::string prefix, std::string suffix)
      : prefix(std::move(prefix)), suffix(std::move(suffix)) {}
  ~TempFile();
  bool create(std::string &error);
  const std::string &path() const { return filePath; }

private:
  std::string prefix, suffix, filePath;
};

/// Links `object` with libember_rt into the executable `output`.
/// A program that runs work on threads (`parallelize`) links `libomp`.
bool linkExecutable(const std::string &argv0, const std::string &object,
                    const std::string &output, bool usesOpenMP,
                    std::string &error);

/// Runs `exe` with `args` and returns its exit status; a program killed by
/// a signal kills the caller with the same signal.
int runProgram(const std::string &exe, const std::vector<std::string> &args);

} // namespace ember

#endif
