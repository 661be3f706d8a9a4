import { formatAmount } from "../lib/money";
import { formatPercent } from "./indicators";

interface Rate {
  numerator: number;
  denominator: number;
  rate: number | null;
}

/** 开工率, 投产率 and 资金到位率 with what each is the share of. */
export function RatesList({ rates }: { rates: { startRate: Rate; productionRate: Rate; fundingRate: Rate } }) {
  const { startRate, productionRate, fundingRate } = rates;
  return (
    <dl className="facts">
      <div>
        <dt>开工率</dt>
        <dd>
          {formatPercent(startRate.rate)}（{startRate.numerator}/{startRate.denominator}）
        </dd>
      </div>
      <div>
        <dt>投产率</dt>
        <dd>
          {formatPercent(productionRate.rate)}（{productionRate.numerator}/{productionRate.denominator}）
        </dd>
      </div>
      <div>
        <dt>资金到位率</dt>
        <dd>
          {formatPercent(fundingRate.rate)}（实到 {formatAmount(fundingRate.numerator, "美元")} / 合同 {formatAmount(fundingRate.denominator, "美元")}）
        </dd>
      </div>
    </dl>
  );
}
