// The invented partnership behind the sample plan: Northmoor is not a real place, and every
// owner is a job title, never a person, as the plan file format requires.

/** The organisation kinds the plan file format accepts. */
export type OrganisationKind = 'local-authority' | 'icb' | 'ccg' | 'parent-carer-forum' | 'provider' | 'school' | 'government' | 'other';

/** An invented partner organisation. */
export type OrganisationTemplate = { key: string; name: string; kind: OrganisationKind };

/** An invented post: a role and the organisation it sits in. */
export type OwnerTemplate = { key: string; role: string; organisation: string };

/** The local area's name, used in the plan's title and text. */
export const LOCAL_AREA = 'Northmoor';

/** The partner organisations, council first. */
export const ORGANISATIONS: readonly OrganisationTemplate[] = [
  { key: 'council', name: 'Northmoor Metropolitan Borough Council', kind: 'local-authority' },
  { key: 'icb', name: 'Northmoor and Westdale Integrated Care Board', kind: 'icb' },
  { key: 'pcf', name: 'Northmoor Parent Carer Forum', kind: 'parent-carer-forum' },
  { key: 'community-trust', name: 'Northmoor Community Health NHS Trust', kind: 'provider' },
  { key: 'mental-health-trust', name: 'Westdale and Northmoor Partnership NHS Foundation Trust', kind: 'provider' },
  { key: 'special-schools', name: "Northmoor Special Schools Headteachers' Partnership", kind: 'school' },
  { key: 'schools-alliance', name: 'Northmoor Schools Alliance', kind: 'school' },
  { key: 'college', name: 'Northmoor College', kind: 'school' },
  { key: 'sendiass', name: 'Northmoor SENDIASS', kind: 'other' },
  { key: 'dfe', name: 'Department for Education', kind: 'government' },
];

/** The posts that lead or sponsor actions. */
export const OWNERS: readonly OwnerTemplate[] = [
  { key: 'dcs', role: "Director of Children's Services", organisation: 'council' },
  { key: 'ad-send', role: 'Assistant Director, SEND and Inclusion', organisation: 'council' },
  { key: 'ad-commissioning', role: 'Assistant Director, Commissioning and Partnerships', organisation: 'council' },
  { key: 'ad-quality', role: 'Assistant Director, Quality, Practice and Workforce', organisation: 'council' },
  { key: 'ad-education', role: 'Assistant Director, Education and Learning', organisation: 'council' },
  { key: 'head-statutory', role: 'Head of SEND Statutory Services', organisation: 'council' },
  { key: 'ehc-manager', role: 'EHC Assessment and Review Team Manager', organisation: 'council' },
  { key: 'principal-ep', role: 'Principal Educational Psychologist', organisation: 'council' },
  { key: 'head-qa', role: 'Head of Quality Assurance and Practice Improvement', organisation: 'council' },
  { key: 'local-offer', role: 'Local Offer and Family Engagement Manager', organisation: 'council' },
  { key: 'comms', role: "Communications and Engagement Lead, Children's Services", organisation: 'council' },
  { key: 'head-sufficiency', role: 'Head of School Organisation and SEND Sufficiency', organisation: 'council' },
  { key: 'workforce', role: "Workforce Development Manager, Children's Services", organisation: 'council' },
  { key: 'head-inclusion', role: 'Head of Inclusion and Alternative Provision', organisation: 'council' },
  { key: 'cwd-manager', role: 'Service Manager, Children with Disabilities Team', organisation: 'council' },
  { key: 'pfa', role: 'Preparing for Adulthood Lead', organisation: 'council' },
  { key: 'performance', role: 'Head of Performance and Business Intelligence', organisation: 'council' },
  { key: 'programme', role: 'SEND Improvement Programme Manager', organisation: 'council' },
  { key: 'commissioning', role: 'Head of Joint Commissioning, Children and Families', organisation: 'council' },
  { key: 'finance', role: 'Finance Business Partner, High Needs', organisation: 'council' },
  { key: 'early-years', role: 'Early Years SEND Lead', organisation: 'council' },
  { key: 'dco', role: 'Designated Clinical Officer (ICB)', organisation: 'icb' },
  { key: 'icb-nursing', role: 'Director of Nursing and Quality (ICB)', organisation: 'icb' },
  { key: 'icb-commissioning', role: "Associate Director, Children's Commissioning (ICB)", organisation: 'icb' },
  { key: 'therapies', role: "Head of Children's Therapies", organisation: 'community-trust' },
  { key: 'neuro', role: 'Clinical Lead, Neurodevelopmental Assessment Service', organisation: 'mental-health-trust' },
  { key: 'pcf-lead', role: 'Co-production Lead, Parent Carer Forum', organisation: 'pcf' },
  { key: 'special-heads', role: "Chair, Special Schools Headteachers' Partnership", organisation: 'special-schools' },
  { key: 'sendiass-manager', role: 'SENDIASS Service Manager', organisation: 'sendiass' },
  { key: 'college-lead', role: 'Head of Inclusive Learning', organisation: 'college' },
];
