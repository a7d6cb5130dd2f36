package pkgen

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"pkgen/files"
	"pkgen/internal/parallel"
	"pkgen/kaskade"
	"pkgen/model"
)

// KaskadeReport is what Kaskade found in a folder: the tree of its PKs
// and the problems of their links.
type KaskadeReport struct {
	// Cascade is the tree; its nodes are named by FS name (a drawing's
	// ids), its problems by the names as shown.
	Cascade *kaskade.Cascade
	// Invalid are the PK files that do not load, as shown: they are not
	// in the tree (pkgen check names their problems).
	Invalid []string
	// Problems are the cascade's, by file and line, names as shown.
	Problems model.Problems
	// Show names a node's file as the user knows it.
	Show func(name string) string
	// Realisasi are the realisasi reports of the folder (FS names, in
	// name order): not PKs, kept for LoadCapaian.
	Realisasi []string
	// Capaian is the capaian of the tree's PKs as of one quarter, set by
	// LoadCapaian; nil: the tree is drawn uncoloured.
	Capaian *KaskadeCapaian

	snap *files.Snapshot
}

// Kaskade loads every PK under the folder in.Name of in.FS ("." for its
// root) and checks how they cascade: the PKs of year tahun (0: every
// year), each linked to its pk_induk. Realisasi reports and column sets
// (lampiran-NAMA.toml) are not PKs and are left out. The error is for a
// folder that cannot be read.
func Kaskade(in Input, tahun int) (res *KaskadeReport, err error) {
	defer catch(&err, in.show(in.Name))
	snap := in.snapshot()
	var names []string
	err = fs.WalkDir(snap, in.Name, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name != in.Name && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if path.Ext(name) == ".toml" && !strings.HasPrefix(d.Name(), "lampiran-") && !strings.HasPrefix(d.Name(), ".") {
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	pks := loadPKs(snap, names)
	res = &KaskadeReport{Show: in.show, snap: snap}
	var loaded []kaskade.PK
	for _, pk := range pks {
		switch {
		case pk.realisasi:
			res.Realisasi = append(res.Realisasi, pk.Name)
		case pk.Doc == nil:
			res.Invalid = append(res.Invalid, in.show(pk.Name))
			loaded = append(loaded, pk.PK)
		default:
			loaded = append(loaded, pk.PK)
		}
	}
	res.Cascade = kaskade.Build(loaded, kaskade.Options{Tahun: tahun})
	for _, n := range res.Cascade.Nodes {
		for i := range n.Problems {
			n.Problems[i].File = in.show(n.Problems[i].File)
		}
	}
	for _, p := range res.Cascade.Problems {
		p.File = in.show(p.File)
		res.Problems = append(res.Problems, p)
	}
	return res, nil
}

// folderPK is one TOML file of a folder, loaded.
type folderPK struct {
	kaskade.PK
	realisasi bool
}

// loadPKs loads the files in parallel, in the order of names.
func loadPKs(snap *files.Snapshot, names []string) []folderPK {
	out := make([]folderPK, len(names))
	parallel.Each(len(names), func(i int) { out[i] = loadOne(snap, names[i]) })
	return out
}

func loadOne(snap *files.Snapshot, name string) folderPK {
	pk := folderPK{PK: kaskade.PK{Name: name}}
	data, err := files.Read(snap, name, files.TOML)
	if err == nil && model.IsRealisasi(data) {
		pk.realisasi = true
		return pk
	}
	pk.Doc, _, _ = model.Load(snap, name)
	return pk
}

// linkProblems are the problems of doc's own links (pkgen check): its
// induk chain is loaded from snap, inside the root, and checked; the
// problems located in doc's file are returned. What needs the whole
// folder (an induk's indicator nobody supports, sums) is Kaskade's.
func linkProblems(snap *files.Snapshot, doc *model.Document) model.Problems {
	if doc.PKInduk == "" {
		return nil
	}
	pks := []kaskade.PK{{Name: doc.File, Doc: doc}}
	seen := map[string]bool{doc.File: true}
	for cur := doc; cur != nil && cur.PKInduk != ""; {
		ref, err := files.Resolve(cur.File, cur.PKInduk)
		if err != nil || seen[ref] {
			break
		}
		seen[ref] = true
		if _, err := fs.Stat(snap, ref); err != nil {
			break
		}
		up, _, _ := model.Load(snap, ref)
		pks = append(pks, kaskade.PK{Name: ref, Doc: up})
		cur = up
	}
	c := kaskade.Build(pks, kaskade.Options{})
	i := slices.IndexFunc(c.Nodes, func(n *kaskade.Node) bool { return n.Name == doc.File })
	if i < 0 {
		return nil
	}
	return c.Nodes[i].Problems
}
