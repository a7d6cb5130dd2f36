package pesan

// pesanPkgen are the messages of the use-case package (the module root).
var pesanPkgen = []entri{
	{"%s: galat internal: %v", "%s: internal error: %v"},
	{"%s:%d: templat: %v", "%s:%d: templat: %v"},
	{"%s:%d: instansi.logo: %v", "%s:%d: instansi.logo: %v"},
	{"%s tidak sah (%d galat)", "%s is invalid (%d error(s))"},
	{"dua lampiran bernama %s dengan isi berbeda", "two attachments named %s with different content"},
	{"nama lampiran %s memuat karakter kendali; tidak ditulis", "the attachment name %s holds control characters; not written"},
	{"nama lampiran %s bukan jalur relatif di dalam folder tujuan", "the attachment name %s is not a relative path inside the target folder"},
	{"nama lampiran %s bersarang %d folder; batasnya %d", "the attachment name %s is nested %d folders deep; the limit is %d"},
	{"nama lampiran %s tidak dapat dipakai sebagai nama berkas", "the attachment name %s cannot be used as a file name"},
	{"%s bukan folder biasa (tautan simbolik tidak diikuti)", "%s is not a plain folder (symbolic links are not followed)"},
	{"pk %q: %v", "pk %q: %v"},
	{"pk %q: PK yang disebut tidak sah", "pk %q: the PK named is invalid"},
}
