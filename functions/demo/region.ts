import type { Role } from '../../shared/schemas/auth.js';
import type { Municipality, Provider, Region } from '../../shared/schemas/region.js';

/** The fictional demo region "Kleinregion Sonnental": four municipalities, twelve providers. */
export const demoRegion: Region = {
  name: 'Kleinregion Sonnental',
  contact: {
    name: 'Koordination Kleinregion Sonnental, Gemeindeamt Lindach',
    email: 'koordination@sonnental.example',
    address: 'Hauptplatz 1, 4801 Lindach',
    phone: '+43 7612 12345',
  },
  timeZone: 'Europe/Vienna',
  categories: [
    { id: 'bewegung', name: { de: 'Bewegung & Sport', en: 'Movement & sport' } },
    { id: 'kreativ', name: { de: 'Kreativ & Musik', en: 'Arts & music' } },
    { id: 'elternbildung', name: { de: 'Elternbildung', en: 'Parent education' } },
    { id: 'ferien', name: { de: 'Ferienbetreuung', en: 'Holiday care' } },
    { id: 'treffpunkt', name: { de: 'Familientreffpunkt', en: 'Family meeting point' } },
    { id: 'gesundheit', name: { de: 'Gesundheit & Erste Hilfe', en: 'Health & first aid' } },
  ],
};

export const demoMunicipalities: Municipality[] = [
  { id: 'lindach', name: 'Lindach', postalCodes: ['4801', '4802'] },
  { id: 'obernberg', name: 'Obernberg am Bach', postalCodes: ['4811'] },
  { id: 'kirchau', name: 'Kirchau', postalCodes: ['4821', '4822'] },
  { id: 'weidenbrunn', name: 'Weidenbrunn', postalCodes: ['4831'] },
];

export const demoProviders: Provider[] = [
  { id: 'sportunion-lindach', name: 'Sportunion Lindach', kind: 'association', municipalityId: 'lindach' },
  { id: 'hallenbad-kirchau', name: 'Hallenbad Kirchau', kind: 'municipal', municipalityId: 'kirchau' },
  { id: 'eltern-kind-zentrum', name: 'Eltern-Kind-Zentrum Sonnental', kind: 'welfare', municipalityId: 'obernberg' },
  { id: 'hilfswerk-sonnental', name: 'Hilfswerk Sonnental', kind: 'welfare', municipalityId: 'weidenbrunn' },
  { id: 'musikschule-sonnental', name: 'Musikschule Sonnental', kind: 'municipal', municipalityId: 'lindach' },
  { id: 'rotes-kreuz-kirchau', name: 'Rotes Kreuz Ortsstelle Kirchau', kind: 'welfare', municipalityId: 'kirchau' },
  { id: 'bibliothek-obernberg', name: 'Gemeindebibliothek Obernberg', kind: 'municipal', municipalityId: 'obernberg' },
  { id: 'turnverein-weidenbrunn', name: 'Turnverein Weidenbrunn', kind: 'association', municipalityId: 'weidenbrunn' },
  { id: 'kinderfreunde-lindach', name: 'Kinderfreunde Lindach', kind: 'association', municipalityId: 'lindach' },
  { id: 'pfarre-kirchau', name: 'Pfarre Kirchau', kind: 'other', municipalityId: 'kirchau' },
  { id: 'naturpark-verein', name: 'Naturparkverein Sonnental', kind: 'association', municipalityId: 'weidenbrunn' },
  { id: 'gemeinde-obernberg', name: 'Gemeinde Obernberg – Familienreferat', kind: 'municipal', municipalityId: 'obernberg' },
];

/** Demo accounts; their login codes appear in the local outbox. */
export const demoAccounts: { id: string; email: string; roles: Role[]; household?: boolean }[] = [
  { id: 'demo-family-berger', email: 'familie.berger@example.at', roles: [{ role: 'family' }], household: true },
  { id: 'demo-family-yilmaz', email: 'familie.yilmaz@example.at', roles: [{ role: 'family' }], household: true },
  { id: 'demo-provider-sportunion', email: 'kurse@sportunion-example.at', roles: [{ role: 'provider', providerId: 'sportunion-lindach' }] },
  { id: 'demo-provider-hilfswerk', email: 'ferien@hilfswerk-example.at', roles: [{ role: 'provider', providerId: 'hilfswerk-sonnental' }] },
  { id: 'demo-municipality-lindach', email: 'koordination@gemeinde-example.at', roles: [{ role: 'municipality', municipalityId: 'lindach' }] },
  {
    id: 'demo-region-admin',
    email: 'region@regiokurs.example',
    roles: [{ role: 'admin' }, { role: 'municipality', municipalityId: '*' }],
  },
];

/** The demo families' households: guardian contact and children. */
export const demoHouseholds: Record<
  string,
  { guardian: { name: string; phone: string; postalCode: string }; children: { id: string; firstName: string; age: number; notes?: string }[] }
> = {
  'demo-family-berger': {
    guardian: { name: 'Anna Berger', phone: '+43 660 1234567', postalCode: '4801' },
    children: [
      { id: 'demo-child-lena', firstName: 'Lena', age: 7, notes: 'Nussallergie / nut allergy' },
      { id: 'demo-child-jonas', firstName: 'Jonas', age: 4 },
    ],
  },
  'demo-family-yilmaz': {
    guardian: { name: 'Deniz Yilmaz', phone: '+43 676 7654321', postalCode: '4821' },
    children: [{ id: 'demo-child-elif', firstName: 'Elif', age: 9, notes: 'Abholung auch durch Oma Ayşe / grandma Ayşe may pick up' }],
  },
};
