// The five areas of the sample plan, drawn from the re-inspection findings in the domain brief,
// with twelve actions each as an officer would write them. `{year1}` and `{year2}` stand for the
// plan's first and second calendar years so the text stays true whatever date the plan is made for.

/** The kinds of area the plan file format accepts. */
export type AreaKind = 'area-of-weakness' | 'priority-action' | 'area-for-improvement';

/** An invented action: its text and who delivers it. */
export type ActionTemplate = {
  title: string;
  description: string;
  successCriteria: readonly string[];
  milestones: readonly string[];
  /** Measure keys from the measure catalogue. */
  measures: readonly string[];
  /** Owner key of the lead officer. */
  lead: string;
  /** Organisation keys of partners beyond the lead's own organisation. */
  partners: readonly string[];
};

/** An invented area with its inspection text and actions. */
export type AreaTemplate = {
  title: string;
  kind: AreaKind;
  inspectionText: string;
  /** Owner key of the senior responsible officer. */
  sro: string;
  actions: readonly ActionTemplate[];
  /** Actions the board adds at later revisions, after a deep dive or stocktake. */
  laterActions: readonly ActionTemplate[];
  risks: readonly RiskTemplate[];
  evidence: readonly EvidenceTemplate[];
};

/** An invented risk. */
export type RiskTemplate = { description: string; likelihood: number; impact: number; mitigation: string; owner: string };

/** Evidence document types the plan file format accepts. */
export type EvidenceType = 'audit' | 'minutes' | 'survey' | 'policy' | 'dataset' | 'letter' | 'report' | 'other';

/** An invented evidence document; `month` counts from the plan's first month (0). */
export type EvidenceTemplate = { title: string; type: EvidenceType; month: number; isSensitive?: boolean };

/** The five areas, in the order the plan numbers them. */
export const AREAS: readonly AreaTemplate[] = [
  {
    title: 'Timeliness, integration and quality of EHC assessments and plans',
    kind: 'area-of-weakness',
    inspectionText:
      'Leaders have not made sufficient progress in improving the timeliness, integration and quality of education, health and care (EHC) needs assessments and plans. Too few new plans are issued within the statutory 20 weeks. Contributions from health and social care are often late or missing, and too many plans do not capture the views and aspirations of children and young people or set out precise, measurable outcomes. Annual reviews are not consistently used to update plans when needs change.',
    sro: 'ad-send',
    actions: [
      {
        title: 'Increase EHC coordinator capacity and reduce caseloads',
        description:
          'Recruit six additional permanent EHC coordinators and two senior coordinators so that average caseloads fall to no more than 150 children and young people per coordinator. Use agency staff only as a bridge while permanent posts are filled.',
        successCriteria: [
          'All new EHC coordinator posts filled with permanent staff',
          'Average caseload of 150 or fewer per coordinator, sustained for three months',
        ],
        milestones: [
          'Business case for additional posts approved',
          'Recruitment campaign completed',
          'New coordinators inducted and carrying caseloads',
        ],
        measures: ['ehc-20wk-incl', 'avg-weeks'],
        lead: 'head-statutory',
        partners: [],
      },
      {
        title: 'Clear the backlog of EHC needs assessments open beyond 20 weeks',
        description:
          'Establish a time-limited recovery team to progress every assessment open beyond 20 weeks, with a named coordinator, a weekly tracker reviewed by the Head of SEND Statutory Services and a fortnightly letter to each family setting out the next step and expected date.',
        successCriteria: [
          'No assessment open beyond 52 weeks by the end of {year1}',
          'Every family with an overdue assessment has received a written update at least fortnightly',
        ],
        milestones: [
          'Recovery team in place',
          'Every overdue case reviewed and given a recovery date',
          'Backlog of cases over 40 weeks cleared',
        ],
        measures: ['over-52', 'ehc-20wk-incl'],
        lead: 'ehc-manager',
        partners: ['icb'],
      },
      {
        title: 'Introduce a weekly multi-agency panel for decisions to assess',
        description:
          'Replace the fortnightly education-only panel with a weekly multi-agency panel, including health and social care representatives, so that every request receives a decision within six weeks and the reasons are explained to families in plain English.',
        successCriteria: [
          'Every decision on a request to assess made within six weeks',
          'Health and social care represented at every panel',
        ],
        milestones: [
          'Panel terms of reference agreed by partners',
          'First weekly panel held',
          'Three-month review of panel decisions completed',
        ],
        measures: ['refusals', 'decision-days', 'ehc-requests'],
        lead: 'head-statutory',
        partners: ['icb', 'pcf'],
      },
      {
        title: 'Agree and monitor a six-week standard for health advice',
        description:
          'Agree with community health and mental health providers a service standard for statutory health advice to be returned within six weeks, with monthly compliance reporting to the Designated Clinical Officer and escalation to the ICB where it is not met.',
        successCriteria: [
          'At least 90% of health advice returned within six weeks',
          'Compliance reported monthly to the SEND Partnership Board',
        ],
        milestones: [
          'Service standard agreed with providers',
          'Monthly compliance report in place',
          'Quality review of a sample of health advice',
        ],
        measures: ['ehc-20wk-incl', 'avg-weeks'],
        lead: 'dco',
        partners: ['community-trust', 'mental-health-trust'],
      },
      {
        title: 'Secure timely social care advice for every EHC needs assessment',
        description:
          'Name a social care lead for statutory advice, agree a screening process so that every assessment is checked for social care involvement, and make sure advice is returned within six weeks where a child is known to children’s social care.',
        successCriteria: [
          'Social care advice included in every plan where the child is known to social care',
          'Advice returned within six weeks in at least 90% of cases',
        ],
        milestones: [
          'Social care advice lead appointed',
          'Screening process agreed and live',
          'Audit of social care advice quality completed',
        ],
        measures: ['ehc-20wk-incl'],
        lead: 'cwd-manager',
        partners: [],
      },
      {
        title: 'Commission additional educational psychology capacity',
        description:
          'Commission locum and associate educational psychologists to clear the backlog of statutory psychological advice, while the service recruits to its vacancies and grows its trainee programme.',
        successCriteria: [
          'Psychological advice returned within six weeks in at least 90% of cases',
          'Educational psychology vacancies reduced to no more than two',
        ],
        milestones: ['Associate framework contract awarded', 'Advice backlog cleared', 'Two trainee placements confirmed for September'],
        measures: ['avg-weeks', 'ehc-20wk-incl'],
        lead: 'principal-ep',
        partners: [],
      },
      {
        title: 'Revise the EHC plan template and writing guidance',
        description:
          'Co-produce with the parent carer forum a new EHC plan template and guidance so that plans capture the child’s voice in their own words, link needs to provision, and set outcomes that are specific, measurable and reviewed.',
        successCriteria: [
          'New template used for all new plans and amendments',
          'At least 70% of audited plans rated good or better for outcomes by the end of {year2}',
        ],
        milestones: [
          'Draft template co-produced with parent carers',
          'Template and guidance published',
          'Coordinators and advice writers briefed on the new template',
        ],
        measures: ['audit-good'],
        lead: 'head-qa',
        partners: ['pcf', 'icb'],
      },
      {
        title: 'Introduce monthly multi-agency audit of new EHC plans',
        description:
          'Audit a sample of about twenty new and amended plans every month with education, health and social care auditors, moderate the grades, and feed findings back to the writers of each plan and into the training programme.',
        successCriteria: [
          'Audit completed every month with all three partners taking part',
          'Learning from each audit cycle reported to the SEND Partnership Board',
        ],
        milestones: ['Audit tool agreed by partners', 'First moderated audit cycle completed', 'Quarterly audit themes report published'],
        measures: ['audit-good'],
        lead: 'head-qa',
        partners: ['icb', 'community-trust'],
      },
      {
        title: 'Clear the annual review backlog and issue amendments within four weeks',
        description:
          'Set up a dedicated annual review team, schedule every overdue review with the school or setting, and issue amended plans within four weeks of the review decision so that plans reflect children’s current needs.',
        successCriteria: [
          'No annual review more than three months overdue',
          'At least 85% of annual reviews completed on time by the end of {year2}',
        ],
        milestones: ['Annual review team in place', 'Overdue reviews scheduled with settings', 'Backlog of amendments cleared'],
        measures: ['annual-reviews'],
        lead: 'ehc-manager',
        partners: ['schools-alliance', 'special-schools'],
      },
      {
        title: 'Complete phase-transfer reviews in time for the 15 February deadline',
        description:
          'Identify every child and young person transferring phase next September, hold reviews in the autumn term and issue amended plans naming a placement by the statutory deadline of 15 February.',
        successCriteria: [
          'All phase-transfer plans amended and issued by 15 February',
          'Families told the named placement before the February half-term',
        ],
        milestones: ['Phase-transfer cohort identified', 'All reviews held by the end of the autumn term', 'All amended plans issued'],
        measures: ['phase-transfer', 'annual-reviews'],
        lead: 'ehc-manager',
        partners: ['schools-alliance', 'special-schools', 'college'],
      },
      {
        title: 'Implement a new EHC case management system with live timeliness reporting',
        description:
          'Replace the legacy database and spreadsheets with a case management system that tracks each assessment against the statutory timescales and gives managers a live dashboard of cases at risk of drifting.',
        successCriteria: [
          'All open cases migrated with data quality checks passed',
          'Timeliness dashboard used in weekly management meetings',
        ],
        milestones: ['Supplier contract signed', 'Data migration completed', 'System live for all new requests'],
        measures: ['ehc-20wk-incl', 'over-52'],
        lead: 'performance',
        partners: [],
      },
      {
        title: 'Keep families informed at every stage of the assessment',
        description:
          'Publish a plain-English timeline of the assessment process and send families an update at each statutory stage, with a named contact and a direct line, so that parents are not left chasing the service.',
        successCriteria: [
          'Every family receives an update at each statutory stage',
          'Fewer complaints about communication during assessment than in the previous year',
        ],
        milestones: [
          'Family timeline co-produced and published',
          'Stage update letters automated',
          'Survey of families who have been through assessment',
        ],
        measures: ['parent-rating', 'upheld-complaints'],
        lead: 'head-statutory',
        partners: ['pcf', 'sendiass'],
      },
    ],
    laterActions: [
      {
        title: 'Deep dive into assessments delayed by late health advice',
        description:
          'Following the board’s deep dive, track every assessment where health advice is more than two weeks late and agree a weekly escalation call between the DCO and provider service leads.',
        successCriteria: ['Weekly escalation call in place', 'No assessment waiting more than eight weeks for health advice'],
        milestones: ['Weekly escalation call established', 'First monthly report to the board'],
        measures: ['ehc-20wk-incl'],
        lead: 'dco',
        partners: ['community-trust', 'mental-health-trust'],
      },
    ],
    risks: [
      {
        description: 'Requests for assessment keep rising faster than assessment capacity, so timeliness falls back.',
        likelihood: 4,
        impact: 4,
        mitigation: 'Monthly demand modelling; weekly decision panel; early help through the graduated approach.',
        owner: 'head-statutory',
      },
      {
        description: 'Educational psychology vacancies cannot be filled because of the national shortage.',
        likelihood: 4,
        impact: 4,
        mitigation: 'Associate framework, trainee placements and a market supplement agreed by the council.',
        owner: 'principal-ep',
      },
      {
        description: 'The new case management system is delivered late or with poor data quality.',
        likelihood: 3,
        impact: 3,
        mitigation: 'Fixed-price contract with milestones; data cleansing before migration; parallel running for one month.',
        owner: 'performance',
      },
    ],
    evidence: [
      { title: 'EHC timeliness recovery plan', type: 'report', month: 0 },
      { title: 'Multi-agency EHC plan audit: quarterly findings', type: 'audit', month: 4, isSensitive: true },
      { title: 'EHC plan template and writing guidance', type: 'policy', month: 3 },
      { title: 'Decision-making panel terms of reference', type: 'policy', month: 1 },
      { title: 'EHC timeliness dataset (monthly)', type: 'dataset', month: 7 },
    ],
  },
  {
    title: "Parents' understanding of the support on offer and the Local Offer",
    kind: 'area-of-weakness',
    inspectionText:
      'Too many parents and carers do not understand what support is available or how to get it. The Local Offer website is hard to navigate, out of date in places and little used. Communication with families is inconsistent, and parents told inspectors they feel they have to fight to be heard. Leaders have not made sufficient progress in co-producing information and services with families.',
    sro: 'ad-commissioning',
    actions: [
      {
        title: 'Co-produce a redesigned Local Offer website with parent carers',
        description:
          'Rebuild the Local Offer website with the parent carer forum and young people, organised around the questions families ask, accessible on a phone, and tested with families who do not usually use council services.',
        successCriteria: [
          'New website launched and meeting accessibility standards',
          'At least 60% of families in user testing find the answer to a set question within three clicks',
        ],
        milestones: [
          'User research with families completed',
          'New site structure agreed with the parent carer forum',
          'New website launched',
        ],
        measures: ['parent-rating', 'local-offer-users'],
        lead: 'local-offer',
        partners: ['pcf'],
      },
      {
        title: 'Review every Local Offer entry each quarter through named content owners',
        description:
          'Give every service entry on the Local Offer a named content owner, remove out-of-date entries and check each entry quarterly, with a visible "last reviewed" date.',
        successCriteria: ['Every entry reviewed within the last three months', 'No broken links reported by the monthly automated check'],
        milestones: ['Content owners named for every entry', 'First full quarterly review completed', 'Automated link checking in place'],
        measures: ['local-offer-users'],
        lead: 'local-offer',
        partners: ['icb', 'community-trust'],
      },
      {
        title: 'Publish "You said, we did" feedback each term',
        description:
          'Collect feedback from the website, drop-ins and the parent carer forum, and publish each term what families told us and what has changed as a result.',
        successCriteria: [
          'A "You said, we did" report published every term',
          'Parent carer forum confirms the report reflects what families raised',
        ],
        milestones: ['Feedback routes agreed', 'First termly report published', 'Second termly report published'],
        measures: ['parent-rating'],
        lead: 'local-offer',
        partners: ['pcf'],
      },
      {
        title: 'Run SEND information drop-ins at family hubs in every locality',
        description:
          'Hold monthly drop-in sessions in each family hub with SEND officers, SENDIASS and health colleagues, so that families can get answers face to face without an appointment.',
        successCriteria: [
          'Monthly drop-ins running in all five localities',
          'At least 80% of families attending say the session answered their question',
        ],
        milestones: ['Family hub venues and rota agreed', 'Drop-ins running in all localities', 'Six-month evaluation completed'],
        measures: ['parent-rating'],
        lead: 'local-offer',
        partners: ['sendiass', 'community-trust', 'pcf'],
      },
      {
        title: 'Publish an accessible guide to SEN Support and the graduated approach',
        description:
          'Write with parents a short guide explaining what schools should provide at SEN Support, what families can expect, and when to ask for an EHC needs assessment.',
        successCriteria: [
          'Guide published in print and online',
          'Every school has shared the guide with families of pupils on SEN Support',
        ],
        milestones: ['Draft guide co-produced', 'Guide published', 'Schools confirm the guide has been shared'],
        measures: ['parent-rating', 'ehc-requests'],
        lead: 'head-inclusion',
        partners: ['pcf', 'schools-alliance'],
      },
      {
        title: 'Extend SENDIASS advice line hours and reduce casework waiting times',
        description:
          'Fund two additional SENDIASS caseworkers and extend advice line hours to two evenings a week, so that families can get impartial advice when they need it.',
        successCriteria: ['Advice line open two evenings a week', 'Families waiting no more than two weeks for casework support'],
        milestones: ['Additional caseworkers recruited', 'Extended hours launched', 'Quarterly service report to the board'],
        measures: ['tribunal-rate', 'mediations'],
        lead: 'sendiass-manager',
        partners: ['council'],
      },
      {
        title: 'Deliver a SEND communications plan with a termly newsletter for families',
        description:
          'Agree a communications plan across the partnership, including a termly newsletter, regular social media updates and a single point of contact for family enquiries.',
        successCriteria: ['Newsletter published every term', 'Newsletter subscribers increased to at least 2,000'],
        milestones: ['Communications plan agreed', 'First newsletter issued', 'Review of reach and readership'],
        measures: ['parent-rating', 'local-offer-users'],
        lead: 'comms',
        partners: ['pcf', 'icb'],
      },
      {
        title: 'Run an annual parent carer survey with the parent carer forum',
        description:
          'Design and run with the parent carer forum an annual survey of families’ experience of SEND services, publish the results, and use them to set priorities for the following year.',
        successCriteria: [
          'At least 600 responses to the annual survey',
          'Results and the partnership’s response published within two months',
        ],
        milestones: ['Survey questions agreed', 'Survey closed', 'Results and response published'],
        measures: ['parent-rating'],
        lead: 'pcf-lead',
        partners: ['council', 'icb'],
      },
      {
        title: 'Improve handling of SEND complaints and share the learning',
        description:
          'Respond to SEND complaints within 20 working days, analyse themes each quarter, and share the learning with teams and with the board.',
        successCriteria: [
          'At least 90% of stage 1 complaints answered within 20 working days',
          'Quarterly complaints learning report to the board',
        ],
        milestones: ['Complaints process revised', 'First quarterly themes report', 'Learning shared with teams at a practice forum'],
        measures: ['upheld-complaints'],
        lead: 'head-qa',
        partners: [],
      },
      {
        title: 'Agree and sign a co-production charter across the partnership',
        description:
          'Co-produce a charter setting out how the council, the ICB, providers and schools will work with families, and have it signed by every partner and reviewed each year.',
        successCriteria: ['Charter signed by all partners', 'Annual review of the charter with the parent carer forum'],
        milestones: ['Charter drafted with families', 'Charter signed at the SEND Partnership Board'],
        measures: ['parent-rating'],
        lead: 'pcf-lead',
        partners: ['council', 'icb', 'schools-alliance'],
      },
      {
        title: 'Publish health services, waiting times and support while waiting on the Local Offer',
        description:
          'Publish on the Local Offer clear information about health services for children with SEND, current waiting times, and what support families can get while they wait.',
        successCriteria: [
          'Waiting times published and updated monthly',
          'A "support while you wait" page for every pathway with a waiting list',
        ],
        milestones: ['Waiting-time data feed agreed with providers', 'Support-while-waiting pages published'],
        measures: ['autism-13wk', 'salt-18wk', 'parent-rating'],
        lead: 'dco',
        partners: ['community-trust', 'mental-health-trust'],
      },
      {
        title: 'Provide key Local Offer information in community languages and easy read',
        description:
          'Translate the key Local Offer pages into the five most-spoken community languages and produce easy-read versions for young people and parents with learning disabilities.',
        successCriteria: ['Key pages available in five community languages', 'Easy-read versions of the ten most-visited pages'],
        milestones: ['Languages and pages agreed', 'Translations published', 'Easy-read versions tested with young people'],
        measures: ['local-offer-users'],
        lead: 'local-offer',
        partners: ['pcf'],
      },
    ],
    laterActions: [
      {
        title: 'Test the Local Offer with families who do not use it',
        description:
          'Commission the parent carer forum to run listening sessions with families who have never used the Local Offer, and act on what they say before the next survey.',
        successCriteria: ['Listening sessions held in every locality', 'Changes made as a result published'],
        milestones: ['Listening sessions held', 'Changes published'],
        measures: ['local-offer-users', 'parent-rating'],
        lead: 'pcf-lead',
        partners: ['council'],
      },
    ],
    risks: [
      {
        description: 'Families without reliable internet access continue to miss information that is only online.',
        likelihood: 3,
        impact: 3,
        mitigation: 'Printed guides in family hubs and libraries; drop-ins; SENDIASS advice line.',
        owner: 'local-offer',
      },
      {
        description: 'Trust between families and the partnership does not recover, and co-production stalls.',
        likelihood: 2,
        impact: 5,
        mitigation: 'Co-production charter; "You said, we did" reports; the forum funded to take part.',
        owner: 'pcf-lead',
      },
    ],
    evidence: [
      { title: 'Local Offer user research findings', type: 'report', month: 2 },
      { title: 'Annual parent carer survey results', type: 'survey', month: 6 },
      { title: 'Co-production charter', type: 'policy', month: 5 },
      { title: '"You said, we did" report (summer term)', type: 'report', month: 7 },
      { title: 'Letter from the parent carer forum on the Local Offer redesign', type: 'letter', month: 3 },
    ],
  },
  {
    title: 'Joint working to monitor and quality-assure the impact of improvement work',
    kind: 'area-of-weakness',
    inspectionText:
      'Leaders across education, health and care do not work together well enough to check the quality of services or the difference that improvement work is making. There is no shared quality assurance framework. The strategy lacks sufficiently detailed information about outcomes to help members challenge and evaluate rigorously the impact of the work. Waiting times for some health services, including autism assessment and speech and language therapy, remain too long.',
    sro: 'icb-nursing',
    actions: [
      {
        title: 'Agree a joint SEND quality assurance framework',
        description:
          'Agree a single quality assurance framework across the council, the ICB and providers, setting out what will be audited, how often, by whom, and how findings reach the SEND Partnership Board and the Oversight Board.',
        successCriteria: ['Framework signed off by all statutory partners', 'Quality assurance cycle running to its published calendar'],
        milestones: [
          'Draft framework agreed by partners',
          'Framework signed off at the SEND Partnership Board',
          'First annual quality assurance report',
        ],
        measures: ['audit-good'],
        lead: 'head-qa',
        partners: ['icb', 'community-trust', 'mental-health-trust'],
      },
      {
        title: 'Produce a monthly SEND partnership performance dashboard',
        description:
          'Build a dashboard combining education, health and care data with agreed definitions, targets and benchmarks, and report it monthly to the Oversight Board with commentary on what the figures mean for families.',
        successCriteria: [
          'Dashboard reported to every Oversight Board meeting',
          'Every measure has an agreed definition, owner and target',
        ],
        milestones: ['Measure definitions agreed', 'Data sharing in place with health providers', 'First dashboard reported to the board'],
        measures: ['ehc-20wk-incl', 'autism-13wk', 'salt-18wk'],
        lead: 'performance',
        partners: ['icb'],
      },
      {
        title: 'Agree a joint commissioning strategy for SEND',
        description:
          'Agree a joint commissioning strategy based on a refreshed needs assessment, covering therapies, equipment, short breaks and specialist provision, with pooled or aligned budgets where that improves outcomes.',
        successCriteria: ['Strategy agreed by the council and the ICB', 'Joint commissioning plan with named leads and dates'],
        milestones: ['Joint needs assessment refreshed', 'Strategy consulted on with families', 'Strategy approved'],
        measures: ['salt-18wk', 'autism-13wk'],
        lead: 'commissioning',
        partners: ['icb'],
      },
      {
        title: 'Strengthen the Designated Clinical Officer function',
        description:
          'Fund a deputy Designated Clinical Officer and administrative support so that the DCO can oversee health advice, attend panels and escalate delays across all providers.',
        successCriteria: ['Deputy DCO in post', 'DCO attends every decision-making panel and quality assurance meeting'],
        milestones: ['Funding agreed by the ICB', 'Deputy DCO appointed', 'DCO escalation protocol published'],
        measures: ['ehc-20wk-incl'],
        lead: 'icb-commissioning',
        partners: ['icb'],
      },
      {
        title: 'Reduce waiting times for autism assessment',
        description:
          'Agree a recovery plan with the neurodevelopmental assessment service, including additional assessment clinics, a triage of the waiting list and support for families while they wait.',
        successCriteria: [
          'Share of referrals waiting 13 weeks or more falls to 70% by December {year1}',
          'Every family on the waiting list contacted at least every three months',
        ],
        milestones: ['Waiting list validated and triaged', 'Additional assessment clinics running', 'Support-while-waiting offer launched'],
        measures: ['autism-13wk'],
        lead: 'neuro',
        partners: ['icb', 'pcf'],
      },
      {
        title: 'Reduce waiting times for speech and language therapy',
        description:
          'Recruit to therapy vacancies, introduce a universal and targeted offer through schools and early years settings, and provide a "waiting well" offer with advice and group sessions.',
        successCriteria: [
          'Share of children waiting 18 weeks or more falls to 25% by December {year1}',
          'Waiting-well offer available to every family on the list',
        ],
        milestones: ['Therapy vacancies recruited', 'Schools’ universal offer launched', 'Waiting-well sessions running'],
        measures: ['salt-18wk'],
        lead: 'therapies',
        partners: ['icb', 'schools-alliance'],
      },
      {
        title: "Establish a young people's SEND panel to inform quality assurance",
        description:
          'Set up a panel of young people with SEND, supported by a youth worker, to review services, take part in audits and report to the board twice a year.',
        successCriteria: ['Panel meets at least six times a year', 'Panel reports to the Oversight Board twice a year'],
        milestones: ['Young people recruited to the panel', 'First panel report to the board'],
        measures: ['parent-rating'],
        lead: 'pfa',
        partners: ['pcf', 'college'],
      },
      {
        title: 'Agree a joint outcomes framework so the board can evaluate impact',
        description:
          'Agree with partners a small set of outcomes for children and families, each with measures, baselines and targets, so that members can challenge the impact of the plan and not only its delivery.',
        successCriteria: ['Outcomes framework approved by the board', 'Every action in the plan linked to at least one outcome measure'],
        milestones: ['Outcomes drafted with families', 'Baselines and targets agreed', 'Framework approved by the board'],
        measures: ['audit-good', 'parent-rating'],
        lead: 'programme',
        partners: ['icb', 'pcf'],
      },
      {
        title: 'Hold joint learning reviews of tribunals, mediations and complaints',
        description:
          'Review every tribunal decision and a sample of mediations and complaints jointly with health and social care each quarter, and change practice where reviews show a pattern.',
        successCriteria: ['Quarterly learning review held with all partners', 'Practice changes from each review tracked to completion'],
        milestones: ['Review method agreed', 'First quarterly learning review held', 'Learning summary shared with teams'],
        measures: ['tribunal-rate', 'mediations', 'upheld-complaints'],
        lead: 'head-qa',
        partners: ['icb', 'sendiass'],
      },
      {
        title: 'Set up a multi-agency inclusion panel to reduce exclusions of pupils with SEND',
        description:
          'Create a fortnightly inclusion panel where schools, the council and health colleagues agree support for pupils with SEND at risk of exclusion, before a suspension or exclusion happens.',
        successCriteria: [
          'Panel meets fortnightly with school representation',
          'Permanent exclusions of pupils with SEN reduced below the England average',
        ],
        milestones: ['Panel terms of reference agreed with schools', 'Panel running', 'Six-month review of outcomes for pupils referred'],
        measures: ['perm-excl', 'suspensions', 'absence'],
        lead: 'head-inclusion',
        partners: ['schools-alliance', 'mental-health-trust'],
      },
      {
        title: 'Agree an information-sharing protocol between education, health and care',
        description:
          'Agree a protocol, with a data protection impact assessment, that lets partners share the information needed for assessments, panels and the dashboard lawfully and promptly.',
        successCriteria: ['Protocol signed by all partners', 'No panel decision delayed for lack of shared information'],
        milestones: ['Data protection impact assessment completed', 'Protocol signed'],
        measures: ['ehc-20wk-incl'],
        lead: 'performance',
        partners: ['icb', 'community-trust', 'mental-health-trust'],
      },
      {
        title: "Commission an external peer review of the partnership's progress",
        description:
          'Invite colleagues from two other local areas to carry out a peer review of progress against the areas of weakness, and report their findings to the board.',
        successCriteria: ['Peer review completed and reported to the board', 'Board agrees an action for each recommendation'],
        milestones: ['Peer review scope agreed', 'Peer review fieldwork completed', 'Findings reported to the board'],
        measures: [],
        lead: 'programme',
        partners: ['icb', 'dfe'],
      },
    ],
    laterActions: [
      {
        title: 'Agree a joint escalation route for cases drifting between services',
        description:
          'Agree a single route for escalating individual cases that drift between education, health and care, with a named senior decision-maker in each partner.',
        successCriteria: ['Escalation route published to staff', 'Escalations resolved within ten working days'],
        milestones: ['Route agreed by partners', 'Route published'],
        measures: ['upheld-complaints'],
        lead: 'programme',
        partners: ['icb'],
      },
    ],
    risks: [
      {
        description: 'Partners cannot share data in time for the monthly dashboard.',
        likelihood: 3,
        impact: 3,
        mitigation: 'Information-sharing protocol; agreed submission dates; escalation to the SEND Partnership Board.',
        owner: 'performance',
      },
      {
        description: 'Waiting lists for autism assessment keep growing as referrals rise.',
        likelihood: 4,
        impact: 4,
        mitigation: 'Recovery plan with the provider; triage of the list; support while waiting.',
        owner: 'neuro',
      },
      {
        description: 'Therapy vacancies in the community trust cannot be filled.',
        likelihood: 3,
        impact: 4,
        mitigation: 'Joint recruitment campaign; skill-mix review; apprenticeships for therapy assistants.',
        owner: 'therapies',
      },
    ],
    evidence: [
      { title: 'Joint SEND quality assurance framework', type: 'policy', month: 3 },
      { title: 'SEND partnership performance dashboard', type: 'dataset', month: 8 },
      { title: 'Minutes of the SEND Partnership Board', type: 'minutes', month: 5 },
      { title: 'Neurodevelopmental pathway recovery plan', type: 'report', month: 2 },
      { title: 'Information-sharing protocol and DPIA', type: 'policy', month: 4, isSensitive: true },
    ],
  },
  {
    title: 'A system-wide training programme for frontline staff',
    kind: 'priority-action',
    inspectionText:
      'Frontline staff across education, health and care do not have a shared understanding of their statutory duties or of what good looks like. Training is not co-ordinated across the partnership and its impact is not evaluated. Leaders should put in place a system-wide workforce development programme.',
    sro: 'ad-quality',
    actions: [
      {
        title: 'Design a system-wide SEND training programme with a core offer',
        description:
          'Design with partners a training programme with a core offer for every frontline practitioner and specialist modules for particular roles, delivered online and face to face.',
        successCriteria: ['Programme agreed by all partners', '90% of frontline staff complete the core offer by the end of {year2}'],
        milestones: ['Training needs analysis completed', 'Core offer designed', 'Programme launched'],
        measures: ['training-complete'],
        lead: 'workforce',
        partners: ['icb', 'schools-alliance'],
      },
      {
        title: 'Train coordinators and advice writers in writing outcomes-focused EHC plans',
        description:
          'Deliver practical workshops for EHC coordinators and all professionals who write statutory advice, using real anonymised plans from the audit.',
        successCriteria: ['Every coordinator and advice writer trained', 'Audit grades for outcomes sections improve quarter on quarter'],
        milestones: ['Workshop materials developed', 'First cohort trained', 'All coordinators trained'],
        measures: ['audit-good', 'training-complete'],
        lead: 'head-qa',
        partners: ['icb', 'community-trust'],
      },
      {
        title: 'Deliver autism and neurodiversity training to school staff',
        description:
          'Offer every school a whole-staff session on autism and neurodiversity, followed by a named lead in each school completing advanced training.',
        successCriteria: ['At least 90% of schools have taken up the whole-staff session', 'A trained autism lead in every school'],
        milestones: ['Training provider commissioned', 'Half of schools trained', 'All schools offered training'],
        measures: ['training-complete', 'suspensions'],
        lead: 'head-inclusion',
        partners: ['schools-alliance', 'mental-health-trust'],
      },
      {
        title: 'Establish a SENCO network and induction programme',
        description:
          'Run a termly SENCO network in each locality and an induction programme for new SENCOs, so that schools apply the graduated approach consistently.',
        successCriteria: ['Network meets every term in every locality', 'Every new SENCO completes induction within one term'],
        milestones: ['Network leads appointed', 'First termly network meetings held', 'Induction programme running'],
        measures: ['refusals', 'ehc-requests'],
        lead: 'head-inclusion',
        partners: ['schools-alliance'],
      },
      {
        title: 'Train health professionals in writing statutory advice',
        description:
          'Deliver training for therapists, paediatricians and nurses on the statutory framework and on writing advice that describes needs and provision precisely.',
        successCriteria: ['All health advice writers trained', 'Health advice rated good or better in at least 70% of audits'],
        milestones: ['Training designed with the DCO', 'Training delivered to all providers'],
        measures: ['audit-good'],
        lead: 'dco',
        partners: ['community-trust', 'mental-health-trust'],
      },
      {
        title: 'Train social care practitioners in their SEND duties',
        description:
          'Include SEND duties in the social care induction and deliver refresher training to all children’s social workers and family support workers.',
        successCriteria: ['All social care practitioners trained', 'Social care advice rated good or better in at least 70% of audits'],
        milestones: ['Refresher training designed', 'All teams trained'],
        measures: ['training-complete', 'audit-good'],
        lead: 'cwd-manager',
        partners: [],
      },
      {
        title: 'Co-deliver training with parent carers as experts by experience',
        description:
          'Pay and train parent carers to co-deliver parts of the core offer, so that staff hear directly what good support feels like for families.',
        successCriteria: ['Parent carers co-deliver at least half of core sessions', 'Participants rate the sessions highly'],
        milestones: ['Parent carer trainers recruited', 'Co-delivered sessions running'],
        measures: ['training-complete', 'parent-rating'],
        lead: 'pcf-lead',
        partners: ['council'],
      },
      {
        title: 'Agree a SEND competency framework for each role',
        description:
          'Agree the knowledge and skills expected of each role working with children with SEND, and use the framework in supervision and appraisal.',
        successCriteria: ['Framework agreed by partners', 'Framework used in appraisal across the council and providers'],
        milestones: ['Framework drafted', 'Framework approved'],
        measures: ['training-complete'],
        lead: 'workforce',
        partners: ['icb', 'community-trust'],
      },
      {
        title: 'Deliver SEND training for early years settings',
        description:
          'Train early years practitioners and setting SENCOs to identify needs early and use inclusion funding, so that children start school with support in place.',
        successCriteria: ['Every early years setting has a trained SENCO', 'Early identification reflected in requests from early years'],
        milestones: ['Early years training programme agreed', 'Training running in all localities'],
        measures: ['training-complete'],
        lead: 'early-years',
        partners: ['community-trust'],
      },
      {
        title: 'Train practitioners in preparing for adulthood',
        description:
          'Deliver training on preparing for adulthood outcomes from Year 9 onwards for coordinators, social workers and college staff.',
        successCriteria: [
          'Preparing for adulthood outcomes in every review from Year 9',
          'Fewer young people with EHC plans not in education, employment or training',
        ],
        milestones: ['Training developed with the college', 'Training delivered'],
        measures: ['neet', 'training-complete'],
        lead: 'pfa',
        partners: ['college'],
      },
      {
        title: 'Evaluate the impact of the training programme',
        description:
          'Evaluate the programme through audits of practice, feedback from families and staff, and follow-up six months after training, and report the findings to the board.',
        successCriteria: ['Evaluation report to the board every six months', 'Programme changed in response to the findings'],
        milestones: ['Evaluation method agreed', 'First evaluation report to the board'],
        measures: ['audit-good', 'training-complete'],
        lead: 'workforce',
        partners: ['pcf'],
      },
      {
        title: 'Improve recruitment and retention of specialist roles',
        description:
          'Agree a joint recruitment and retention strategy for educational psychologists, therapists and EHC coordinators, including career pathways and apprenticeships.',
        successCriteria: ['Vacancy rate for specialist roles below 10%', 'Turnover of EHC coordinators below 15% a year'],
        milestones: ['Strategy agreed', 'Joint recruitment campaign launched', 'Apprenticeship cohort started'],
        measures: ['avg-weeks'],
        lead: 'workforce',
        partners: ['icb', 'community-trust'],
      },
    ],
    laterActions: [
      {
        title: 'Extend the core offer to school support staff',
        description:
          'Extend the core training offer to teaching assistants and lunchtime staff, following feedback from the SENCO network.',
        successCriteria: ['Core offer available to support staff in every school'],
        milestones: ['Materials adapted', 'First sessions delivered'],
        measures: ['training-complete'],
        lead: 'workforce',
        partners: ['schools-alliance'],
      },
    ],
    risks: [
      {
        description: 'Schools cannot release staff to attend training.',
        likelihood: 3,
        impact: 3,
        mitigation: 'Online modules; twilight sessions; training delivered in schools.',
        owner: 'workforce',
      },
      {
        description: 'Training completion is recorded but practice does not change.',
        likelihood: 3,
        impact: 4,
        mitigation: 'Evaluation through practice audits; follow-up at six months; competency framework in supervision.',
        owner: 'head-qa',
      },
    ],
    evidence: [
      { title: 'SEND workforce training needs analysis', type: 'report', month: 1 },
      { title: 'Training programme completion data', type: 'dataset', month: 8 },
      { title: 'SEND competency framework', type: 'policy', month: 6 },
      { title: 'Training evaluation report', type: 'report', month: 7 },
    ],
  },
  {
    title: 'Sufficiency of SEND school places',
    kind: 'area-for-improvement',
    inspectionText:
      'There are not enough specialist school places in the local area. Too many children and young people with EHC plans wait too long for a suitable place or are placed in independent schools far from home. Leaders should ensure that the local area has sufficient specialist provision to meet needs, from early years to post-16.',
    sro: 'ad-education',
    actions: [
      {
        title: 'Publish a SEND sufficiency strategy with place forecasts',
        description:
          'Publish a strategy forecasting demand for specialist places by need and phase over the next five years, and setting out how the partnership will meet it.',
        successCriteria: ['Strategy approved by cabinet', 'Forecasts refreshed every year'],
        milestones: ['Demand forecast completed', 'Strategy consulted on', 'Strategy approved by cabinet'],
        measures: ['awaiting-place'],
        lead: 'head-sufficiency',
        partners: ['schools-alliance', 'special-schools'],
      },
      {
        title: 'Work with the DfE to open a 120-place special free school',
        description:
          'Support the DfE and the chosen academy trust to deliver a new special free school for children with autism and social, emotional and mental health needs, including the site, planning and admissions.',
        successCriteria: ['School open on the agreed date', 'All 120 places commissioned'],
        milestones: ['Site secured', 'Planning permission granted', 'School opens to its first pupils'],
        measures: ['awaiting-place', 'ism-placements'],
        lead: 'head-sufficiency',
        partners: ['dfe'],
      },
      {
        title: 'Create resourced provision bases in mainstream schools',
        description:
          'Open eight resourced provision bases in mainstream primary and secondary schools, providing 80 places for children who can thrive in mainstream with specialist support.',
        successCriteria: ['Eight bases open', 'All 80 places filled'],
        milestones: ['Host schools agreed', 'First four bases open', 'All eight bases open'],
        measures: ['awaiting-place'],
        lead: 'head-sufficiency',
        partners: ['schools-alliance'],
      },
      {
        title: 'Expand existing special schools by 60 places',
        description:
          'Complete capital works at three special schools to add 60 places, prioritising the needs with the longest waits for a place.',
        successCriteria: ['60 additional places available', 'Works completed within budget'],
        milestones: ['Design and costs approved', 'Works started on site', 'Works completed'],
        measures: ['awaiting-place', 'ism-placements'],
        lead: 'head-sufficiency',
        partners: ['special-schools'],
      },
      {
        title: 'Reduce reliance on independent and non-maintained special schools',
        description:
          'Review every new independent placement request at a weekly panel, and plan transitions back to local provision where that is in the child’s interest.',
        successCriteria: [
          'Fewer new independent placements than in the previous year',
          'No child placed independently where a suitable local place exists',
        ],
        milestones: ['Placement panel running', 'Review of current independent placements completed'],
        measures: ['ism-placements'],
        lead: 'commissioning',
        partners: ['special-schools'],
      },
      {
        title: 'Develop post-16 pathways including supported internships',
        description:
          'Expand supported internships and post-16 pathways with the college and employers, so that young people with EHC plans can progress to work or further learning.',
        successCriteria: [
          'At least 30 supported internships a year',
          'Fewer young people with EHC plans not in education, employment or training',
        ],
        milestones: ['Employers recruited', 'First supported internship cohort started'],
        measures: ['neet'],
        lead: 'pfa',
        partners: ['college'],
      },
      {
        title: 'Review alternative provision for pupils with SEND',
        description:
          'Review the quality and use of alternative provision for pupils with SEND, and commission a framework of quality-assured providers.',
        successCriteria: [
          'Every alternative provider on the framework quality-assured',
          'Every pupil in alternative provision has a review within six weeks',
        ],
        milestones: ['Review completed', 'Framework procured'],
        measures: ['perm-excl', 'suspensions'],
        lead: 'head-inclusion',
        partners: ['schools-alliance'],
      },
      {
        title: 'Open an early years assessment nursery',
        description:
          'Open an assessment nursery for young children with complex needs so that their needs are understood and a suitable school place is planned before they start school.',
        successCriteria: ['Nursery open with 24 places', 'Every child leaving the nursery has a planned school place'],
        milestones: ['Site agreed', 'Staff recruited', 'Nursery opens'],
        measures: ['awaiting-place'],
        lead: 'early-years',
        partners: ['community-trust'],
      },
      {
        title: 'Consult schools on placements within the statutory 15 days',
        description:
          'Introduce an online consultation process with schools and a weekly tracker, so that schools respond within 15 days and placements are named without delay.',
        successCriteria: ['At least 90% of consultations answered within 15 days', 'Placements named in every final plan'],
        milestones: ['Online consultation process live', 'Tracker reviewed weekly'],
        measures: ['awaiting-place', 'avg-weeks'],
        lead: 'ehc-manager',
        partners: ['schools-alliance', 'special-schools'],
      },
      {
        title: 'Commission additional provision for social, emotional and mental health needs',
        description:
          'Commission additional local places for pupils with social, emotional and mental health needs, with in-reach support from the mental health trust.',
        successCriteria: ['Additional places commissioned', 'In-reach support available in every placement'],
        milestones: ['Needs analysis completed', 'Provision commissioned'],
        measures: ['awaiting-place', 'suspensions'],
        lead: 'commissioning',
        partners: ['mental-health-trust', 'schools-alliance'],
      },
      {
        title: 'Deliver the high needs budget recovery plan',
        description:
          'Deliver the high needs recovery plan agreed with the DfE, so that the partnership can invest in local provision while bringing the deficit under control.',
        successCriteria: ['High needs spending within the recovery plan trajectory', 'Savings reinvested in local places'],
        milestones: ['Recovery plan agreed with the DfE', 'Quarterly monitoring return submitted'],
        measures: ['ism-placements'],
        lead: 'finance',
        partners: ['dfe'],
      },
      {
        title: 'Review home-to-school transport for pupils with EHC plans',
        description:
          'Review transport policy and practice so that pupils with EHC plans travel safely and promptly, and promote independent travel training where appropriate.',
        successCriteria: ['Revised policy approved', 'More young people completing independent travel training'],
        milestones: ['Policy consultation completed', 'Revised policy approved'],
        measures: ['absence'],
        lead: 'head-sufficiency',
        partners: ['pcf'],
      },
    ],
    laterActions: [
      {
        title: 'Secure interim places for children waiting longest',
        description:
          'Agree interim places in local schools, with outreach from special schools, for every child who has waited more than a term for a suitable place.',
        successCriteria: ['No child waiting more than a term without an interim place'],
        milestones: ['Interim place protocol agreed', 'All long waits offered an interim place'],
        measures: ['awaiting-place'],
        lead: 'head-sufficiency',
        partners: ['special-schools'],
      },
    ],
    risks: [
      {
        description: 'Capital projects are delayed by build cost inflation or planning.',
        likelihood: 3,
        impact: 4,
        mitigation: 'Contingency in the capital programme; early engagement with planning; phased openings.',
        owner: 'head-sufficiency',
      },
      {
        description: 'The high needs deficit limits the partnership’s ability to invest in local provision.',
        likelihood: 4,
        impact: 5,
        mitigation: 'Recovery plan agreed with the DfE; invest-to-save cases for local places.',
        owner: 'finance',
      },
      {
        description: 'The opening of the special free school slips beyond the agreed date.',
        likelihood: 3,
        impact: 4,
        mitigation: 'Monthly project board with the DfE and the trust; interim places agreed.',
        owner: 'head-sufficiency',
      },
    ],
    evidence: [
      { title: 'SEND sufficiency strategy', type: 'policy', month: 4 },
      { title: 'Cabinet report: SEND capital programme', type: 'report', month: 3 },
      { title: 'Letter from the DfE on the special free school', type: 'letter', month: 5 },
      { title: 'Placements and waiting list dataset', type: 'dataset', month: 8, isSensitive: true },
    ],
  },
];
