import { z } from 'zod';
import { AREA_READINGS, type Thresholds } from './verdict';

// Checks a threshold table a user typed, or one read back from storage, before it may decide a
// verdict. Apart from verdict.ts, which judges without zod (see Thresholds there).

const Minimum = z.number().min(0).max(100);
const PerPredicate = z.object({ wbk: Minimum, wbbm: Minimum });
const Share = z.number().min(0).max(1);

// `satisfies`: a field of Thresholds that the schema lacks does not compile.
export const ThresholdsSchema = z.object({
  total: PerPredicate,
  pengungkit: PerPredicate,
  areaShare: z.object({ wbk: Share, wbbm: Share }),
  areaReading: z.enum(AREA_READINGS),
  bersihAkuntabel: PerPredicate,
  ipak: PerPredicate,
  capaianKinerja: PerPredicate,
  pelayananPrima: PerPredicate,
}) satisfies z.ZodType<Thresholds>;

