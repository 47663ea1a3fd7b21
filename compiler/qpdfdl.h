/* qpdfdl.h: libqpdf's C API, loaded the first time a PDF needs it: cairo's own files never do, and loading it (with the TLS and C++ libraries it pulls in) cost every build. */
#ifndef CSDOC_QPDFDL_H
#define CSDOC_QPDFDL_H

#include <qpdf/qpdf-c.h>

/* The functions pdfpost.c calls. */
#define QPDFDL_FUNCS(X) \
	X(qpdf_cleanup) \
	X(qpdf_get_error) \
	X(qpdf_get_error_full_text) \
	X(qpdf_get_object_by_id) \
	X(qpdf_get_root) \
	X(qpdf_get_trailer) \
	X(qpdf_has_error) \
	X(qpdf_init) \
	X(qpdf_init_write) \
	X(qpdf_is_encrypted) \
	X(qpdf_more_warnings) \
	X(qpdf_next_warning) \
	X(qpdf_oh_get_array_item) \
	X(qpdf_oh_get_array_n_items) \
	X(qpdf_oh_get_dict) \
	X(qpdf_oh_get_generation) \
	X(qpdf_oh_get_int_value) \
	X(qpdf_oh_get_key) \
	X(qpdf_oh_get_name) \
	X(qpdf_oh_get_object_id) \
	X(qpdf_oh_has_key) \
	X(qpdf_oh_is_array) \
	X(qpdf_oh_is_dictionary) \
	X(qpdf_oh_is_indirect) \
	X(qpdf_oh_is_integer) \
	X(qpdf_oh_is_name) \
	X(qpdf_oh_new_bool) \
	X(qpdf_oh_new_dictionary) \
	X(qpdf_oh_new_integer) \
	X(qpdf_oh_new_name) \
	X(qpdf_oh_new_null) \
	X(qpdf_oh_new_stream) \
	X(qpdf_oh_new_unicode_string) \
	X(qpdf_oh_parse) \
	X(qpdf_oh_release) \
	X(qpdf_oh_remove_key) \
	X(qpdf_oh_replace_key) \
	X(qpdf_oh_replace_stream_data) \
	X(qpdf_oh_unparse_resolved) \
	X(qpdf_read_memory) \
	X(qpdf_set_attempt_recovery) \
	X(qpdf_set_decode_level) \
	X(qpdf_set_deterministic_ID) \
	X(qpdf_set_object_stream_mode) \
	X(qpdf_set_suppress_warnings) \
	X(qpdf_silence_errors) \
	X(qpdf_write)

struct qpdfdl {
#define QPDFDL_MEMBER(f) __typeof__(&f) f;
	QPDFDL_FUNCS(QPDFDL_MEMBER)
#undef QPDFDL_MEMBER
};

/*
 * The loaded functions, or NULL with the reason in *WHY (valid until the
 * next call) if the library or one of them cannot be found.  The library
 * stays loaded to the end of the process.
 */
const struct qpdfdl *qpdfdl_get(const char **why);

#endif
