//===- emberc.cpp - The Ember compiler ------------------------------------===//

#include "ember/Basic/SanitizerOptions.h"
#include "ember/Driver/Driver.h"

#include "llvm/Support/ErrorHandling.h"

#include <csignal>
#include <cstdio>
#include <initializer_list>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

/// The exit status of an internal compiler error (EX_SOFTWARE).
static constexpr int kInternalErrorStatus = 70;

/// Turns a crash into one line and status 70, with no stack dump.
static void onCrash(int signal) {
  static const char prefix[] = "emberc: internal error: the compiler crashed "
                               "(signal ";
  char number[4] = {char('0' + signal / 10 % 10), char('0' + signal % 10), ')',
                    '\n'};
  ssize_t ignored = write(STDERR_FILENO, prefix, sizeof prefix - 1);
  ignored = write(STDERR_FILENO, number, sizeof number);
  (void)ignored;
  _exit(kInternalErrorStatus);
}

static void onFatalError(void *, const char *reason, bool) {
  fprintf(stderr, "emberc: internal error: %s\n", reason);
  _exit(kInternalErrorStatus);
}

int main(int argc, char **argv) {
  // The handler runs on its own stack, so that a stack overflow reaches it.
  static char handlerStack[1 << 16];
  stack_t altStack;
  memset(&altStack, 0, sizeof altStack);
  altStack.ss_sp = handlerStack;
  altStack.ss_size = sizeof handlerStack;
  sigaltstack(&altStack, nullptr);
  for (int signal : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = onCrash;
    action.sa_flags = SA_ONSTACK;
    sigaction(signal, &action, nullptr);
  }
  llvm::install_fatal_error_handler(onFatalError);
  return ember::runDriver(argc, argv);
}
