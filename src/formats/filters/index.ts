import type { FormatStep } from './step.js'
import { v1_4 } from './v1-4.js'
import { v1_5 } from './v1-5.js'
import { v1_6 } from './v1-6.js'
import { v1_9 } from './v1-9.js'
import { v1_9_2 } from './v1-9-2.js'
import { v2_0 } from './v2-0.js'

/**
 * Every downgrade step, newest first, as `app/controllers/general.php` adds Appwrite's response filters: each
 * step sees the output of the newer ones. Steps that change only console models (V19 1.7, V20 1.8, V22 1.9.1,
 * V24–V26 1.9.3–1.9.5) have nothing to do here.
 */
export const formatSteps: readonly FormatStep[] = [v2_0, v1_9_2, v1_9, v1_6, v1_5, v1_4]

export type { FormatStep } from './step.js'
