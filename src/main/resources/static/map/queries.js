// Every GraphQL document the page sends, and the one function that sends them. The page is a
// client of the public API (POST /graphql) and nothing else. Each document stays well inside
// the server's limits (chainlens.graphql.max-depth 10, max-complexity 300, max-page-size 100):
// the map, a product's details and a company card are separate requests for that reason.

export const PAGE_SIZE = 100;

export const CHAINS = `query Chains {
  chains { id name nameZh }
  focusRegion { id nameZh name level parent { id level parent { id level } } }
  dataDate
}`;

const PRODUCT_REF = 'id name nameZh chains { id name nameZh }';

export const CHAIN_MAP = `query ChainMap($chainId: ID!, $scenario: Scenario!, $first: Int!) {
  chain(id: $chainId) {
    id name nameZh
    segments {
      id name nameZh stage position
      platforms { id }
      products {
        id name nameZh unit
        inputs { basis product { ${PRODUCT_REF} } }
        outputs { basis product { ${PRODUCT_REF} } }
      }
    }
  }
  balance(chainId: $chainId, scenario: $scenario) {
    product { id }
    localCapacity localDemand selfSufficiency producerCount unit complete yieldedCapacity
    sitesWithUnknownCapacity consumerSitesWithUnknownCapacity
    capacityBound demandBound selfSufficiencyBound estimatedCapacity estimateShare unknownCapacityProducers
  }
  gaps(chainId: $chainId, scenario: $scenario, first: $first) {
    kind action severity explanation complete
    product { id }
    segment { id }
  }
}`;

const COMPANY_REF = 'id name nameZh local';

const CANDIDATE = `company { ${COMPANY_REF} } product { id name nameZh unit } score capacity summary breakdown
  headquarters { nameZh } lead { id stage }`;

export const PRODUCT_DETAIL = `query ProductDetail($productId: ID!, $chainId: ID!, $scenario: Scenario!, $first: Int!) {
  product(id: $productId) {
    id name nameZh unit
    chains { id name nameZh }
    producers {
      company { ${COMPANY_REF} }
      capacity unit status region district writtenAs local
    }
  }
  candidates(productId: $productId, first: 5) { ${CANDIDATE} }
  gaps(chainId: $chainId, scenario: $scenario, first: $first) {
    kind product { id }
    candidates(first: 5) { ${CANDIDATE} }
  }
}`;

// where in the country a product is made (issue 16): the provinces by known capacity
export const REGION_RANKING = `query RegionRanking($productId: ID!, $scenario: Scenario!) {
  regionRanking(productId: $productId, level: "PROVINCE", scenario: $scenario, first: 8) {
    rank region { id nameZh name } knownCapacity unit producers linesWithUnknownCapacity
    leaders { company { ${COMPANY_REF} } knownCapacity }
  }
}`;

// a chain's products across the provinces (issue 16), the 地区对比 view
export const REGION_MATRIX = `query RegionMatrix($chainId: ID!, $scenario: Scenario!) {
  regionMatrix(chainId: $chainId, level: "PROVINCE", scenario: $scenario, first: 15) {
    chainId
    regions { id nameZh name }
    products { id nameZh name unit }
    cells {
      region { id } product { id } knownCapacity producers sites linesWithUnknownCapacity
      selfSufficiency selfSufficiencyBound gaps
    }
  }
}`;

// the city overview (issue 14): one chain's gaps, local support rate and lead units; the
// page asks once per chain, so that no chain's gaps are cut by another's
export const CHAIN_OVERVIEW = `query ChainOverview($chainId: ID!, $scenario: Scenario!, $first: Int!) {
  chain(id: $chainId) {
    id name nameZh
    leadUnits { id name nameZh }
    localSupport(scenario: $scenario) { rate complete }
  }
  gaps(chainId: $chainId, scenario: $scenario, first: $first) { kind severity }
}`;

// what the overview shows of the open chain: targets with their progress, recent changes
export const CHAIN_RECORD = `query ChainRecord($chainId: ID!, $scenario: Scenario!) {
  targets(chainId: $chainId) {
    id metric value unit year note item product { id name nameZh }
    progress(scenario: $scenario) { localCapacity unit share bound producerCount sitesWithUnknownCapacity }
  }
  changes(chainId: $chainId, first: 10) { id at user operation entity entityId source }
}`;

// the scenario comparison: the open chain's gaps now and with the planned projects
export const SCENARIO_GAPS = `query ScenarioGaps($chainId: ID!, $first: Int!) {
  current: gaps(chainId: $chainId, scenario: CURRENT, first: $first) { kind severity product { id } segment { id } }
  planned: gaps(chainId: $chainId, scenario: PLANNED, first: $first) { kind severity product { id } segment { id } }
}`;

// 断供影响: what loses local supply if the company's local sites stop
export const COMPANY_IMPACT = `query CompanyImpact($id: ID!, $scenario: Scenario!) {
  impact(companyId: $id, scenario: $scenario) {
    affectedProducts { product { id name nameZh } selfSufficiency selfSufficiencyBound unit }
    before { product { id } selfSufficiency selfSufficiencyBound }
    affectedCompanies { id name nameZh local }
    explanation
  }
}`;

export const SEARCH_COMPANIES = `query SearchCompanies($text: String!) {
  searchCompanies(text: $text, first: 10) { ${COMPANY_REF} aliases }
}`;

export const COMPANY_CARD = `query CompanyCard($id: ID!) {
  company(id: $id) {
    ${COMPANY_REF} aliases
    headquarters { name nameZh }
    sites { id name region district }
    productions {
      product { id name nameZh }
      site { id }
      capacity unit status region district
    }
    chains { id name nameZh }
    projects { id name nameZh status capacity unit district products { id name nameZh } }
    platforms { id name nameZh kind status }
    links { company { ${COMPANY_REF} } product { id name nameZh } direction kind source }
  }
}`;

const LEAD = `id title stage investment ownerLogin nextStep nextStepDue overdue source
  company { ${COMPANY_REF} }
  products { product { id name nameZh } capacity unit writtenAs }
  owner { id nameZh }
  history { stage on }
  contacts { on who agreed nextStep due }
  project { id status }`;

export const LEADS = `query Leads($chainId: ID, $first: Int!) {
  leads(chainId: $chainId, first: $first) { totalCount edges { node { ${LEAD} } } }
}`;

export const CREATE_LEAD = `mutation CreateLead($input: NewLead!) { createLead(input: $input) { ${LEAD} } }`;

export const MOVE_LEAD = `mutation MoveLead($input: LeadMove!) { moveLead(input: $input) { ${LEAD} } }`;

export const ADD_LEAD_CONTACT = `mutation AddLeadContact($input: LeadContactInput!) {
  addLeadContact(input: $input) { ${LEAD} }
}`;

export const DROP_LEAD = `mutation DropLead($input: LeadDrop!) { dropLead(input: $input) { ${LEAD} } }`;

/** Checks a login: any login may count leads; a wrong password is refused with HTTP 401. */
export const LEAD_COUNTS = `query LeadCounts { leadCounts { stage count } }`;

// the login of this tab: kept in memory only, gone when the page is closed or reloaded
let authorization = null;

/** Sends the next requests with these credentials (HTTP Basic); none to log out. */
export function setLogin(user, password) {
  authorization = user
    ? `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${password}`)))}`
    : null;
}

/**
 * Downloads a file the login may read (a link cannot send the login): fetched with it, saved
 * from memory. Rejects with the server's refusal.
 */
export async function download(url, name) {
  const response = await fetch(url, { headers: authorization ? { Authorization: authorization } : {} });
  if (!response.ok) {
    throw new GraphQlFailure([`${response.status}: ${await response.text()}`]);
  }
  const blob = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = blob;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(blob), 10000);
}

/** A GraphQL error response, with every message the server gave. */
export class GraphQlFailure extends Error {
  constructor(messages) {
    super(messages.join('\n'));
    this.messages = messages;
  }
}

/** Sends one document; resolves to its data, rejects with GraphQlFailure on any error. */
export async function graphql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(authorization ? { Authorization: authorization } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new GraphQlFailure([`无法连接服务器 (cannot reach the server): ${e.message}`]);
  }
  if (response.status === 401) {
    throw new GraphQlFailure(['登录失败：用户名或密码错误 (login refused)']);
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new GraphQlFailure([`服务器返回 HTTP ${response.status} (not a GraphQL response)`]);
  }
  if (body.errors && body.errors.length > 0) {
    throw new GraphQlFailure(body.errors.map((error) => error.message));
  }
  if (!response.ok) {
    throw new GraphQlFailure([`服务器返回 HTTP ${response.status}`]);
  }
  return body.data;
}

// chain-lead editing (edit.js): what a login may change, read only after a login; each write
// answers little, since the map and the panel are read again from the server after it
const EDIT_CHAINS = 'chains { id nameZh editable }';

const EDIT_PLATFORM = `id name nameZh kind status ${EDIT_CHAINS}`;

export const EDIT_PRODUCT = `query EditProduct($productId: ID!) {
  product(id: $productId) {
    id name nameZh unit acceptedUnits ${EDIT_CHAINS}
    segments { id name nameZh platforms { ${EDIT_PLATFORM} } }
    producers(localOnly: true) {
      company { id name nameZh } site { id } capacity unit status region district writtenAs
    }
  }
}`;

export const EDIT_COMPANY = `query EditCompany($id: ID!) {
  company(id: $id) {
    id nameZh
    productions { product { id nameZh ${EDIT_CHAINS} } }
    projects { id nameZh status capacity unit products { id nameZh unit acceptedUnits ${EDIT_CHAINS} } }
    platforms { ${EDIT_PLATFORM} }
    links { kind direction source company { id nameZh } product { id nameZh ${EDIT_CHAINS} } }
    customers { id nameZh }
  }
}`;

export const SET_CAPACITY = `mutation SetCapacity($input: CapacityInput!) {
  setCapacity(input: $input) { capacity unit writtenAs status }
}`;

export const CHANGE_PROJECT_STATUS = `mutation ChangeProjectStatus($input: ProjectStatusChange!) {
  changeProjectStatus(input: $input) { id status }
}`;

export const UPDATE_PROJECT = `mutation UpdateProject($input: ProjectUpdate!) {
  updateProject(input: $input) { id capacity unit }
}`;

export const CREATE_PLATFORM = `mutation CreatePlatform($input: NewPlatform!) { createPlatform(input: $input) { id } }`;

export const UPDATE_PLATFORM = `mutation UpdatePlatform($input: PlatformUpdate!) { updatePlatform(input: $input) { id } }`;

export const ADD_SUPPLY_LINK = `mutation AddSupplyLink($input: SupplyLinkInput!) {
  addSupplyLink(input: $input) { source }
}`;

export const REMOVE_SUPPLY_LINK = `mutation RemoveSupplyLink($input: SupplyLinkInput!) {
  removeSupplyLink(input: $input) { source }
}`;
