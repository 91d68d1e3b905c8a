//===- Driver.h - The emberc driver -----------------------------*- C++ -*-===//

#ifndef EMBER_DRIVER_DRIVER_H
#define EMBER_DRIVER_DRIVER_H

namespace ember {

/// Runs emberc with its command line; returns the process exit status.
int runDriver(int argc, char **argv);

} // namespace ember

#endif
