// GNU readline for Rapport's prompt. <stdio.h> must come first: readline's headers use FILE.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 cannot safely assign C globals, so each one Rapport sets has a small setter here.

static inline void rapport_rl_set_catch_signals(int value) { rl_catch_signals = value; }
static inline void rapport_rl_set_catch_sigwinch(int value) { rl_catch_sigwinch = value; }
static inline void rapport_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void rapport_rl_set_completion_entry(rl_compentry_func_t *function) {
    rl_completion_entry_function = function;
}
static inline void rapport_rl_set_attempted_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}
static inline void rapport_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }
static inline void rapport_rl_set_point(int value) { rl_point = value; }
static inline int rapport_rl_point(void) { return rl_point; }
static inline int rapport_rl_end(void) { return rl_end; }
static inline const char *rapport_rl_line_buffer(void) { return rl_line_buffer; }
static inline void rapport_rl_set_instream(FILE *stream) { rl_instream = stream; }
static inline void rapport_rl_set_outstream(FILE *stream) { rl_outstream = stream; }
static inline void rapport_rl_set_change_environment(int value) { rl_change_environment = value; }
