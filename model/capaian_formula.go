package model

import "math/big"

// Formula texts, as Capaian.Rumus shows them.
const (
	formulaHigher          = "R / T × 100"
	formulaLower2TR        = "(2×T − R) / T × 100"
	formulaLowerTR         = "T / R × 100"
	formulaHigherNegative  = "(2×T − R) / T × 100 (T < 0)"
	formulaLowerNegative   = "R / T × 100 (T < 0)"
	formulaZeroZero        = "T = 0 dan R = 0 → 100"
	formulaZeroBetter      = "T = 0 dan R > 0 → melampaui target"
	formulaZeroWorse       = "T = 0 dan R < 0 → 0"
	formulaZeroWorseLower  = "T = 0 dan R > 0 → 0"
	formulaZeroBetterLower = "T = 0 dan R < 0 → melampaui target"
	formulaTRNonPositive   = "T > 0 dan R ≤ 0 → melampaui target"
	formulaInRange         = "Tbawah ≤ R ≤ Tatas → 100"
)

// hasil is a raw comparison before the cap.
type result struct {
	v         *big.Rat // nil when unbounded
	formula   string
	unbounded bool // better than target with no finite ratio (a zero divisor)
	reason    Sebab
	note      string
}

var (
	hundred = big.NewRat(100, 1)
	two     = big.NewRat(2, 1)
)

func percentOf(x *big.Rat) *big.Rat { return new(big.Rat).Mul(x, hundred) }

// ratio compares R with T by polarity. T > 0 gives the textbook formulas;
// T = 0 and the T/R form with R ≤ 0 follow fixed rules; T < 0 uses the
// formula that keeps "better than target" above 100 (the relative
// deviation 100 ± (R − T)/|T| × 100, which equals the textbook formula
// for T > 0).
func ratio(pol Polaritas, rt RumusTurun, T, R *big.Rat) result {
	quo := func(a, b *big.Rat) *big.Rat { return percentOf(new(big.Rat).Quo(a, b)) }
	duaTKurangR := func() *big.Rat { return new(big.Rat).Sub(new(big.Rat).Mul(two, T), R) }
	if T.Sign() == 0 {
		better, worse := R.Sign() > 0, R.Sign() < 0
		if pol == Turun {
			better, worse = worse, better
		}
		switch {
		case better:
			if pol == Turun {
				return result{unbounded: true, formula: formulaZeroBetterLower}
			}
			return result{unbounded: true, formula: formulaZeroBetter}
		case worse:
			if pol == Turun {
				return result{v: new(big.Rat), formula: formulaZeroWorseLower}
			}
			return result{v: new(big.Rat), formula: formulaZeroWorse}
		}
		return result{v: new(big.Rat).Set(hundred), formula: formulaZeroZero}
	}
	if pol != Turun {
		if T.Sign() < 0 {
			return result{v: quo(duaTKurangR(), T), formula: formulaHigherNegative}
		}
		return result{v: quo(R, T), formula: formulaHigher}
	}
	if T.Sign() < 0 {
		return result{v: quo(R, T), formula: formulaLowerNegative}
	}
	if rt == RumusTBagiR {
		if R.Sign() <= 0 {
			return result{unbounded: true, formula: formulaTRNonPositive}
		}
		return result{v: quo(T, R), formula: formulaLowerTR}
	}
	return result{v: quo(duaTKurangR(), T), formula: formulaLower2TR}
}

func (a *AturanCapaian) lowerFormula() RumusTurun {
	if a.RumusTurun == "" {
		return RumusDuaTKurangR
	}
	return a.RumusTurun
}
