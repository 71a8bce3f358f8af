import { formatNumber } from '../../../lib/format.ts';
import { useLanguage } from '../../../lib/use-language.ts';

export type Figure = { key: string; label: string; value: number };

/** Headline figures as a description list: each number is read with what it counts. */
export function Figures({ figures }: { figures: Figure[] }) {
  const language = useLanguage();
  return (
    <dl className="figures">
      {figures.map((figure) => (
        <div key={figure.key} className="figure" data-counter={figure.key}>
          <dt>{figure.label}</dt>
          <dd>{formatNumber(figure.value, language)}</dd>
        </div>
      ))}
    </dl>
  );
}
