import { LIFECYCLE_STATUSES, LifecycleCode } from '../lifecycle';

/** The two phases of a CDAR message (MDT-77): the platforms' transmission, then the parties' processing. */
export const CDAR_TRANSMISSION = '305';
export const CDAR_PROCESSING = '23';

/** Who emits each lifecycle status (XP Z12-012 annex B): the platforms, the buyer or the seller. */
export type LifecycleEmitter = 'platform' | 'buyer' | 'seller';

interface CdarStatusCode {
  phase: typeof CDAR_TRANSMISSION | typeof CDAR_PROCESSING;
  emitter: LifecycleEmitter;
  /** MDT-88, the UN/CEFACT document status code, where annex B gives one (optional in the message). */
  statusCode: string | null;
  /** MDT-105 label, as annex B names the status. */
  label: string;
  /** BR-FR-CDV-15: these statuses carry a reason code (MDT-113). */
  needsReason: boolean;
}

export const CDAR_CODES: Record<LifecycleCode, CdarStatusCode> = {
  200: { phase: CDAR_TRANSMISSION, emitter: 'platform', statusCode: '10', label: 'Déposée', needsReason: false },
  201: { phase: CDAR_TRANSMISSION, emitter: 'platform', statusCode: null, label: 'Émise par la plateforme', needsReason: false },
  202: { phase: CDAR_TRANSMISSION, emitter: 'platform', statusCode: '43', label: 'Reçue par la plateforme', needsReason: false },
  203: { phase: CDAR_TRANSMISSION, emitter: 'platform', statusCode: '48', label: 'Mise à disposition', needsReason: false },
  204: { phase: CDAR_PROCESSING, emitter: 'buyer', statusCode: '45', label: 'Prise en charge', needsReason: false },
  205: { phase: CDAR_PROCESSING, emitter: 'buyer', statusCode: '1', label: 'Approuvée', needsReason: false },
  206: { phase: CDAR_PROCESSING, emitter: 'buyer', statusCode: null, label: 'Approuvée partiellement', needsReason: true },
  207: { phase: CDAR_PROCESSING, emitter: 'buyer', statusCode: null, label: 'En litige', needsReason: true },
  208: { phase: CDAR_PROCESSING, emitter: 'buyer', statusCode: null, label: 'Suspendue', needsReason: true },
  209: { phase: CDAR_PROCESSING, emitter: 'seller', statusCode: null, label: 'Complétée', needsReason: false },
  210: { phase: CDAR_PROCESSING, emitter: 'buyer', statusCode: null, label: 'Refusée', needsReason: true },
  211: { phase: CDAR_PROCESSING, emitter: 'buyer', statusCode: '47', label: 'Paiement transmis', needsReason: false },
  212: { phase: CDAR_PROCESSING, emitter: 'seller', statusCode: '47', label: 'Encaissée', needsReason: false },
  213: { phase: CDAR_TRANSMISSION, emitter: 'platform', statusCode: null, label: 'Rejetée', needsReason: true },
};

export function isLifecycleCode(code: number): code is LifecycleCode {
  return Object.prototype.hasOwnProperty.call(LIFECYCLE_STATUSES, code);
}

/**
 * The reason codes of BR-FR-CDV-CL-09 (MDT-113). A reason outside this list makes the message
 * invalid, so the seller's statuses are checked against it before anything is sent.
 */
export const CDAR_REASON_CODES = [
  'RETRAIT_MAN_SERV', 'ST_CT_NON_DECLAR', 'SUPPR_COMP_AVOIR', 'TRANSF_PMNT_REGIE', 'CONTACT_ACHTR', 'NON_TRANSMISE', 'JUSTIF_ABS',
  'ROUTAGE_ERR', 'AUTRE', 'COORD_BANC_ERR', 'TX_TVA_ERR', 'MONTANTTOTAL_ERR', 'CALCUL_ERR', 'NON_CONFORME', 'DOUBLON', 'DEST_INC',
  'DEST_ERR', 'TRANSAC_INC', 'EMMET_INC', 'CONTRAT_TERM', 'DOUBLE_FACT', 'CMD_ERR', 'ADR_ERR', 'SIRET_ERR', 'CODE_ROUTAGE_ERR',
  'REF_CT_ABSENT', 'REF_ERR', 'PU_ERR', 'REM_ERR', 'QTE_ERR', 'ART_ERR', 'MODPAI_ERR', 'QUALITE_ERR', 'LIVR_INCOMP', 'REJ_SEMAN',
  'REJ_UNI', 'REJ_COH', 'REJ_ADR', 'REJ_CONT_B2G', 'REJ_REF_PJ', 'REJ_ASS_PJ', 'IRR_VIDE_F', 'IRR_TYPE_F', 'IRR_SYNTAX',
  'IRR_TAILLE_PJ', 'IRR_NOM_PJ', 'IRR_VID_PJ', 'IRR_EXT_DOC', 'IRR_TAILLE_F', 'IRR_ANTIVIRUS', 'IRR_NOM_F',
] as const;
export type CdarReasonCode = (typeof CDAR_REASON_CODES)[number];

export function isCdarReasonCode(code: string): code is CdarReasonCode {
  return (CDAR_REASON_CODES as readonly string[]).includes(code);
}
