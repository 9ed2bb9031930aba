// Where a postcode is, roughly: centroids of the 4-digit postcode areas in and around the
// Noordoostpolder, and a coarse fallback by the first two digits for the rest of the country.
//
// The approximation, on purpose: coordinates are hand-picked village/town centres (about 1-2 km
// accurate within the polder, 5-15 km for the 2-digit fallback), distances are straight lines
// (haversine), not travel distance or time. Good enough to rank "Urk or Kampen" for a job in
// Emmeloord; not good enough to promise anyone a commute. Unknown postcodes give no distance.

type LatLon = readonly [number, number];

/** 4-digit postcode areas: the polder (Emmeloord 8300-8305 and the ten villages), Urk and neighbours. */
const PC4: Record<string, LatLon> = {
  '8300': [52.711, 5.749],
  '8301': [52.716, 5.736],
  '8302': [52.704, 5.762],
  '8303': [52.717, 5.765],
  '8304': [52.701, 5.739],
  '8305': [52.722, 5.752],
  '8306': [52.728, 5.624], // Espel
  '8307': [52.635, 5.828], // Ens
  '8308': [52.646, 5.719], // Nagele
  '8309': [52.683, 5.68], // Tollebeek
  '8311': [52.713, 5.865], // Marknesse
  '8312': [52.763, 5.657], // Creil
  '8313': [52.807, 5.735], // Rutten
  '8314': [52.772, 5.755], // Bant
  '8315': [52.755, 5.842], // Luttelgeest
  '8316': [52.636, 5.774], // Schokland
  '8317': [52.659, 5.904], // Kraggenburg
  '8321': [52.662, 5.603],
  '8322': [52.658, 5.612], // Urk
  '8325': [52.68, 5.952], // Vollenhove
  '8331': [52.787, 6.117],
  '8332': [52.79, 6.125], // Steenwijk
  '8355': [52.74, 6.078], // Giethoorn
  '8356': [52.726, 5.96], // Blokzijl
  '8251': [52.525, 5.718],
  '8252': [52.52, 5.727], // Dronten
  '8255': [52.566, 5.634], // Swifterbant
  '8261': [52.555, 5.911],
  '8262': [52.55, 5.92],
  '8263': [52.562, 5.902], // Kampen
  '8281': [52.624, 6.04], // Genemuiden
  '8531': [52.843, 5.71],
  '8532': [52.838, 5.7], // Lemmer
  '8441': [52.96, 5.92], // Heerenveen
  '7941': [52.696, 6.194], // Meppel
};

/** First two digits: the region's main town. */
const PC2: Record<string, LatLon> = {
  '10': [52.372, 4.894],
  '13': [52.371, 5.222],
  '38': [52.3, 5.62],
  '77': [52.575, 6.62],
  '79': [52.696, 6.194],
  '80': [52.512, 6.091],
  '81': [52.39, 6.28],
  '82': [52.518, 5.471],
  '83': [52.711, 5.749],
  '84': [52.96, 5.92],
  '85': [52.93, 5.76],
  '86': [53.033, 5.66],
  '87': [53.063, 5.525],
  '88': [53.175, 5.42],
  '89': [53.201, 5.799],
  '90': [53.2, 5.9],
  '94': [52.993, 6.563],
  '97': [53.219, 6.566],
};

export interface Located {
  at: LatLon;
  /** '4' when the 4-digit area is known, '2' for the coarse fallback. */
  precision: '4' | '2';
}

export function locate(postcode: string | null | undefined): Located | null {
  const digits = (postcode ?? '').replace(/\s/g, '').slice(0, 4);
  if (!/^\d{4}$/.test(digits)) return null;
  const p4 = PC4[digits];
  if (p4) return { at: p4, precision: '4' };
  const p2 = PC2[digits.slice(0, 2)];
  return p2 ? { at: p2, precision: '2' } : null;
}

/** Straight-line distance in km between two located postcodes, or null when either is unknown. */
export function distanceBetween(la: Located | null, lb: Located | null): { km: number; precision: '4' | '2' } | null {
  if (!la || !lb) return null;
  const rad = Math.PI / 180;
  const [lat1, lon1] = la.at;
  const [lat2, lon2] = lb.at;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  const km = 2 * 6371 * Math.asin(Math.sqrt(h));
  return { km: Math.round(km * 10) / 10, precision: la.precision === '4' && lb.precision === '4' ? '4' : '2' };
}

export function distanceKm(
  a: string | null | undefined,
  b: string | null | undefined,
): { km: number; precision: '4' | '2' } | null {
  return distanceBetween(locate(a), locate(b));
}
