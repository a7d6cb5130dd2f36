package model

import "math/big"

// Formula texts, as Capaian.Rumus shows them.
const (
	rumusNaik           = "R / T × 100"
	rumusTurun2TR       = "(2×T − R) / T × 100"
	rumusTurunTR        = "T / R × 100"
	rumusNaikNegatif    = "(2×T − R) / T × 100 (T < 0)"
	rumusTurunNegatif   = "R / T × 100 (T < 0)"
	rumusNolNol         = "T = 0 dan R = 0 → 100"
	rumusNolLebih       = "T = 0 dan R > 0 → melampaui target"
	rumusNolKurang      = "T = 0 dan R < 0 → 0"
	rumusNolLebihTurun  = "T = 0 dan R > 0 → 0"
	rumusNolKurangTurun = "T = 0 dan R < 0 → melampaui target"
	rumusTRNonPositif   = "T > 0 dan R ≤ 0 → melampaui target"
	rumusDalamRentang   = "Tbawah ≤ R ≤ Tatas → 100"
)

// hasil is a raw comparison before the cap.
type hasil struct {
	v      *big.Rat // nil when tak
	rumus  string
	tak    bool // better than target with no finite ratio (a zero divisor)
	sebab  Sebab
	alasan string
}

var (
	seratus = big.NewRat(100, 1)
	dua     = big.NewRat(2, 1)
)

func persenDari(x *big.Rat) *big.Rat { return new(big.Rat).Mul(x, seratus) }

// rasio compares R with T by polarity. T > 0 gives the textbook formulas;
// T = 0 and the T/R form with R ≤ 0 follow fixed rules; T < 0 uses the
// formula that keeps "better than target" above 100 (the relative
// deviation 100 ± (R − T)/|T| × 100, which equals the textbook formula
// for T > 0).
func rasio(pol Polaritas, rt RumusTurun, T, R *big.Rat) hasil {
	quo := func(a, b *big.Rat) *big.Rat { return persenDari(new(big.Rat).Quo(a, b)) }
	duaTKurangR := func() *big.Rat { return new(big.Rat).Sub(new(big.Rat).Mul(dua, T), R) }
	if T.Sign() == 0 {
		better, worse := R.Sign() > 0, R.Sign() < 0
		if pol == Turun {
			better, worse = worse, better
		}
		switch {
		case better:
			if pol == Turun {
				return hasil{tak: true, rumus: rumusNolKurangTurun}
			}
			return hasil{tak: true, rumus: rumusNolLebih}
		case worse:
			if pol == Turun {
				return hasil{v: new(big.Rat), rumus: rumusNolLebihTurun}
			}
			return hasil{v: new(big.Rat), rumus: rumusNolKurang}
		}
		return hasil{v: new(big.Rat).Set(seratus), rumus: rumusNolNol}
	}
	if pol != Turun {
		if T.Sign() < 0 {
			return hasil{v: quo(duaTKurangR(), T), rumus: rumusNaikNegatif}
		}
		return hasil{v: quo(R, T), rumus: rumusNaik}
	}
	if T.Sign() < 0 {
		return hasil{v: quo(R, T), rumus: rumusTurunNegatif}
	}
	if rt == RumusTBagiR {
		if R.Sign() <= 0 {
			return hasil{tak: true, rumus: rumusTRNonPositif}
		}
		return hasil{v: quo(T, R), rumus: rumusTurunTR}
	}
	return hasil{v: quo(duaTKurangR(), T), rumus: rumusTurun2TR}
}

func (a *AturanCapaian) rumusTurun() RumusTurun {
	if a.RumusTurun == "" {
		return RumusDuaTKurangR
	}
	return a.RumusTurun
}
