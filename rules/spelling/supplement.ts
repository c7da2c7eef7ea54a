/**
 * Words of current and learned English that dictionary-en lacks, accepted everywhere: modern
 * vocabulary of news and web copy, and Latin and French phrases that English prose uses as they
 * are (`per capita`, `in vitro`, `de facto`). Each entry is an ordinary word, never a name:
 * names are handled by the name policy, not by lists.
 */
export const supplementWords: readonly string[] = [
  // Current vocabulary (hunspell's personal format: `roadmap/map` inflects like `map`).
  'cyber', 'cyberattack/attack', 'cybercrime/crime', 'cybersecurity', 'cyberspace', 'cyberthreat/threat', 'roadmap/map',
  'peacebuilding', 'peacekeeping', 'counterterrorism', 'deradicalization', 'lockdown/breakdown', 'livestream/stream',
  'microservice/service', 'onboarding', 'upskilling', 'reskilling', 'wellbeing', 'decarbonization', 'ecommerce', 'net-zero',
  'disinformation', 'misinformation', 'geospatial', 'interoperable', 'dataset/set', 'startup/setup', 'toolkit/kit',
  'workstream/stream', 'multistakeholder', 'nonstate', 'transatlantic', 'geostrategic', 'rebrand/brand',
  // Latin and French in English prose.
  'et', 'al', 'cetera', 'capita', 'vivo', 'vitro', 'situ', 'facto', 'jure', 'fide', 'rata', 'priori', 'posteriori', 'fortiori',
  'passim', 'ibid', 'sic', 'versa', 'hoc', 'hominem', 'infinitum', 'vis-à-vis', 'quo', 'gratis', 'alia', 'sera', 'lieu', 'raison',
  'naïve', 'naïveté', 'façade', 'café', 'cafés', 'résumé', 'résumés', 'fiancé', 'fiancée', 'protégé', 'déjà', 'vu', 'entrée',
  'entrées', 'élite', 'élan', 'rôle', 'communiqué', 'communiqués', 'détente'
]
