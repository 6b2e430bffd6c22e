package unfreed

/*
#include <stdlib.h>
#include <string.h>

typedef struct widget { char *name; } widget;

static widget *widget_new(const char *name) {
	widget *w = calloc(1, sizeof(widget));
	if (w) w->name = strdup(name);
	return w;
}
static void widget_free(widget *w) { if (w) { free(w->name); free(w); } }
static int widget_ok(widget *w) { return w != NULL; }
static void registry_add(widget *w) { (void)w; }
*/
import "C"

import (
	"errors"
	"unsafe"
)

func widgetLeak(name string) error {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	w := C.widget_new(cname) // want `C memory from C.widget_new in .w. is not freed on one of its paths.*C.widget_free\(w\)`
	if C.widget_ok(w) == 0 {
		return errors.New("bad widget")
	}
	C.widget_free(w)
	return nil
}

func widgetClean(name string) error {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	w := C.widget_new(cname)
	if w == nil {
		return errors.New("out of memory")
	}
	defer C.widget_free(w)
	return nil
}

// registry_add is listed in takes-ownership.
func widgetRegistered(name string) {
	cname := C.CString(name)
	defer C.free(unsafe.Pointer(cname))
	C.registry_add(C.widget_new(cname))
}
