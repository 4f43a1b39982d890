import type { RecognizedRow } from '@/lib/portal/recognize';

// Content-script features are registered declaratively, as Refined GitHub does: each says when
// it applies and starts with an AbortSignal; one failing feature never stops the others.

export interface RowsEvent {
  rows: readonly RecognizedRow[];
  /** Milliseconds the recognition took. */
  elapsed: number;
}

export interface FeatureContext {
  signal: AbortSignal;
  /** Called with every recognition result that differs from the previous one. */
  onRows(listener: (event: RowsEvent) => void): void;
  /** The rows of the last recognition. */
  currentRows(): readonly RecognizedRow[];
}

export interface Feature {
  id: string;
  when?: () => boolean;
  init(context: FeatureContext): void | Promise<void>;
}

export async function startFeatures(features: readonly Feature[], context: FeatureContext): Promise<void> {
  await Promise.all(
    features.map(async (feature) => {
      try {
        if (feature.when && !feature.when()) return;
        await feature.init(context);
      } catch (error) {
        console.error(`[Asisten LKE] feature "${feature.id}" failed`, error);
      }
    }),
  );
}
