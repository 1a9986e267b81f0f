// The plan-time checks aliyun/alicloud 1.289.0 runs that its schema JSON cannot express, transcribed
// from schema/validations.json into data. One entry per key of that file: `target` is its top-level key
// (a resource type, `data.<type>` or `provider`), `path` the attribute path inside (`data_disks.size`).
// test/provider-rules.test.ts parses validations.json and fails when an entry here is missing, extra,
// or says something different, so the two cannot drift apart silently.

/** A check on one literal value. */
export type ValueCheck =
  | { readonly kind: "oneOf"; readonly values: readonly string[]; readonly caseInsensitive: boolean }
  | { readonly kind: "intOneOf"; readonly values: readonly number[] }
  | { readonly kind: "intRange"; readonly min?: number; readonly max?: number }
  | { readonly kind: "anyOf"; readonly alternatives: readonly ValueCheck[] }
  | { readonly kind: "byteLength"; readonly min: number; readonly max: number }
  | { readonly kind: "matches"; readonly pattern: string; readonly message: string }
  | { readonly kind: "notMatches"; readonly pattern: string; readonly message: string }
  | { readonly kind: "lettersAndDigits"; readonly min: number; readonly max: number }
  | { readonly kind: "json" }
  | { readonly kind: "date" }
  | { readonly kind: "regexp" };

/** A check on an argument, its siblings, or its items. */
export type RuleCheck =
  | ValueCheck
  | { readonly kind: "eachElement"; readonly check: ValueCheck }
  | { readonly kind: "removed"; readonly message: string }
  | { readonly kind: "conflictsWith"; readonly others: readonly string[] }
  | { readonly kind: "exactlyOneOf"; readonly keys: readonly string[] }
  | { readonly kind: "atLeastOneOf"; readonly keys: readonly string[] }
  | { readonly kind: "itemCount"; readonly min?: number; readonly max?: number };

export interface ProviderRule {
  /** A resource type, `data.<type>` for a data source, or `provider` for the provider block. */
  readonly target: string;
  /** The argument path, block names joined by dots. */
  readonly path: string;
  readonly checks: readonly RuleCheck[];
  /** Who rejects a bad value: the provider at plan time, or the cloud API during apply. */
  readonly enforcedBy: "provider" | "cloud";
}

const oneOf = (...values: string[]): ValueCheck => ({ kind: "oneOf", values, caseInsensitive: false });
const oneOfIgnoringCase = (...values: string[]): ValueCheck => ({
  kind: "oneOf",
  values,
  caseInsensitive: true,
});
const intOneOf = (...values: number[]): ValueCheck => ({ kind: "intOneOf", values });
const intBetween = (min: number, max: number): ValueCheck => ({ kind: "intRange", min, max });
const intAtLeast = (min: number): ValueCheck => ({ kind: "intRange", min });
const intAtMost = (max: number): ValueCheck => ({ kind: "intRange", max });
const bytesBetween = (min: number, max: number): ValueCheck => ({ kind: "byteLength", min, max });
const matches = (pattern: string, message: string): ValueCheck => ({ kind: "matches", pattern, message });
const conflictsWith = (...others: string[]): RuleCheck => ({ kind: "conflictsWith", others });
const exactlyOneOf = (...keys: string[]): RuleCheck => ({ kind: "exactlyOneOf", keys });
const atLeastOneOf = (...keys: string[]): RuleCheck => ({ kind: "atLeastOneOf", keys });
const removed = (message: string): RuleCheck => ({ kind: "removed", message });
const validJson: ValueCheck = { kind: "json" };
const isoDate: ValueCheck = { kind: "date" };
const validRegexp: ValueCheck = { kind: "regexp" };

const ECS_PREFIX = matches("^ecs\\..*", "prefix must be 'ecs.'");
const STORAGE_CLASSES = oneOf("Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive");
const DISK_CATEGORIES_BASE = [
  "all",
  "cloud",
  "ephemeral_ssd",
  "cloud_essd",
  "cloud_efficiency",
  "cloud_ssd",
  "local_disk",
];
const INSTANCE_DISK_CATEGORIES = [...DISK_CATEGORIES_BASE, "cloud_auto", "cloud_essd_entry"];
/** The categories the provider accepts for an instance's data disk (`data_disks.category`). */
export const DATA_DISK_CATEGORIES: readonly string[] = [
  ...INSTANCE_DISK_CATEGORIES,
  "cloud_regional_disk_auto",
  "elastic_ephemeral_disk_standard",
  "elastic_ephemeral_disk_premium",
];
/** The performance levels the provider accepts for ESSD disks. */
export const DISK_PERFORMANCE_LEVELS: readonly string[] = ["PL0", "PL1", "PL2", "PL3"];
const PERFORMANCE_LEVELS = oneOf(...DISK_PERFORMANCE_LEVELS);
const CHARGE_TYPES = oneOf("PrePaid", "PostPaid");
const SPOT_STRATEGIES = oneOf("NoSpot", "SpotAsPriceGo", "SpotWithPriceLimit");
const NETWORK_TYPES = oneOf("Vpc", "Classic");
const TRAFFIC_MODES = oneOf("Standard", "HighPerformance");
const OS_TYPES = oneOf("windows", "linux");
const POLICY_VERSION = oneOf("1");
const TAG_VALUE_PATTERN = "(^acs:.*)|(^aliyun.*)|(/.*http://.*\\.\\w+/gm)|(/.*https://.*\\.\\w+/gm)";
const TAG_VALUE_MESSAGE = 'It cannot begin with "aliyun", "acs:"; without "http://", and "https://".';

function rules(target: string, entries: { [path: string]: readonly RuleCheck[] }): ProviderRule[] {
  return Object.entries(entries).map(([path, checks]) => ({ target, path, checks, enforcedBy: "provider" }));
}

/** Every encoded rule, in the order of schema/validations.json. */
export const PROVIDER_RULES: readonly ProviderRule[] = [
  ...rules("alicloud_image", {
    architecture: [oneOf("i386", "x86_64", "arm64")],
    "disk_device_mapping.disk_type": [oneOf("system", "data")],
    "disk_device_mapping.size": [intAtMost(32768)],
    image_name: [conflictsWith("name")],
    platform: [
      oneOf(
        "Aliyun",
        "Anolis",
        "CentOS",
        "Ubuntu",
        "CoreOS",
        "SUSE",
        "Debian",
        "OpenSUSE",
        "FreeBSD",
        "RedHat",
        "Kylin",
        "UOS",
        "Fedora",
        "Fedora CoreOS",
        "CentOS Stream",
        "AlmaLinux",
        "Rocky Linux",
        "Gentoo",
        "Customized Linux",
        "Others Linux",
        "Windows Server 2022",
        "Windows Server 2019",
        "Windows Server 2016",
        "Windows Server 2012",
        "Windows Server 2008",
        "Windows Server 2003",
      ),
    ],
  }),
  {
    target: "alicloud_image_export",
    path: "oss_prefix",
    checks: [{ kind: "lettersAndDigits", min: 1, max: 30 }],
    enforcedBy: "cloud",
  },
  ...rules("alicloud_image_import", {
    architecture: [oneOf("x86_64", "i386")],
    boot_mode: [oneOf("BIOS", "UEFI")],
    "disk_device_mapping.format": [oneOf("RAW", "VHD", "qcow2")],
    license_type: [oneOf("Auto", "Aliyun", "BYOL")],
    os_type: [OS_TYPES],
  }),
  ...rules("alicloud_instance", {
    auto_renew_period: [intOneOf(1, 2, 3, 6, 12)],
    credit_specification: [oneOf("Standard", "Unlimited")],
    data_disks: [{ kind: "itemCount", min: 1, max: 16 }],
    "data_disks.category": [oneOf(...DATA_DISK_CATEGORIES)],
    "data_disks.description": [bytesBetween(2, 256)],
    "data_disks.name": [bytesBetween(2, 128)],
    "data_disks.performance_level": [PERFORMANCE_LEVELS],
    dedicated_host_id: [conflictsWith("spot_strategy", "spot_price_limit")],
    description: [bytesBetween(2, 256)],
    http_endpoint: [oneOf("enabled", "disabled")],
    http_put_response_hop_limit: [intBetween(1, 64)],
    http_tokens: [oneOf("optional", "required")],
    image_id: [atLeastOneOf("image_id", "launch_template_id", "launch_template_name")],
    instance_charge_type: [CHARGE_TYPES],
    instance_name: [bytesBetween(2, 128)],
    instance_type: [ECS_PREFIX, atLeastOneOf("instance_type", "launch_template_id", "launch_template_name")],
    internet_charge_type: [oneOf("PayByBandwidth", "PayByTraffic")],
    io_optimized: [removed("Field `io_optimized` has been removed from provider version 1.213.1.")],
    ipv6_address_count: [intBetween(1, 10), conflictsWith("ipv6_addresses")],
    ipv6_addresses: [conflictsWith("ipv6_address_count"), { kind: "itemCount", max: 10 }],
    maintenance_action: [oneOf("Stop", "AutoRecover", "AutoRedeploy")],
    network_interface_traffic_mode: [TRAFFIC_MODES],
    "network_interfaces.network_interface_traffic_mode": [TRAFFIC_MODES],
    operator_type: [oneOf("upgrade", "downgrade")],
    period: [{ kind: "anyOf", alternatives: [intBetween(1, 9), intOneOf(12, 24, 36, 48, 60)] }],
    period_unit: [oneOf("Week", "Month")],
    private_pool_options_match_criteria: [oneOf("Open", "Target", "None")],
    renewal_status: [oneOf("AutoRenewal", "Normal", "NotRenewal")],
    secondary_private_ip_address_count: [conflictsWith("secondary_private_ips")],
    secondary_private_ips: [conflictsWith("secondary_private_ip_address_count")],
    security_enhancement_strategy: [oneOf("Active", "Deactive")],
    spot_duration: [intBetween(0, 6)],
    spot_interruption_behavior: [oneOf("Terminate", "Stop")],
    spot_strategy: [SPOT_STRATEGIES],
    status: [oneOf("Running", "Stopped")],
    stopped_mode: [oneOf("StopCharging", "KeepCharging", "Not-applicable")],
    subnet_id: [removed("Field 'subnet_id' has been removed from version 1.210.0")],
    system_disk_category: [oneOf(...INSTANCE_DISK_CATEGORIES)],
    system_disk_description: [bytesBetween(2, 256)],
    system_disk_name: [bytesBetween(2, 128)],
    system_disk_performance_level: [PERFORMANCE_LEVELS],
    tags: [
      {
        kind: "eachElement",
        check: { kind: "notMatches", pattern: TAG_VALUE_PATTERN, message: TAG_VALUE_MESSAGE },
      },
    ],
  }),
  ...rules("alicloud_oss_bucket", {
    "access_monitor.status": [oneOf("Enabled", "Disabled")],
    acl: [oneOf("private", "public-read", "public-read-write")],
    bucket: [bytesBetween(3, 63)],
    "lifecycle_rule.abort_multipart_upload.created_before_date": [isoDate],
    "lifecycle_rule.expiration.created_before_date": [isoDate],
    "lifecycle_rule.expiration.date": [isoDate],
    "lifecycle_rule.filter.object_size_greater_than": [intAtLeast(1)],
    "lifecycle_rule.filter.object_size_less_than": [intAtLeast(1)],
    "lifecycle_rule.id": [bytesBetween(0, 255)],
    "lifecycle_rule.noncurrent_version_transition.storage_class": [STORAGE_CLASSES],
    "lifecycle_rule.transitions.created_before_date": [isoDate],
    "lifecycle_rule.transitions.storage_class": [STORAGE_CLASSES],
    redundancy_type: [oneOf("LRS", "ZRS")],
    "server_side_encryption_rule.kms_data_encryption": [oneOf("SM4", "")],
    "server_side_encryption_rule.sse_algorithm": [oneOf("AES256", "KMS", "SM4")],
    storage_class: [STORAGE_CLASSES],
    "versioning.status": [oneOf("Enabled", "Suspended")],
  }),
  ...rules("alicloud_oss_bucket_server_side_encryption", {
    kms_data_encryption: [oneOf("SM4")],
    sse_algorithm: [oneOf("KMS", "AES256", "SM4")],
  }),
  ...rules("alicloud_oss_bucket_versioning", {
    status: [oneOfIgnoringCase("Enabled", "Suspended")],
  }),
  ...rules("alicloud_ram_policy", {
    document: [validJson, conflictsWith("policy_document", "version", "statement")],
    name: [conflictsWith("policy_name")],
    policy_document: [validJson, conflictsWith("document", "version", "statement")],
    policy_name: [conflictsWith("name")],
    rotate_strategy: [oneOf("None", "DeleteOldestNonDefaultVersionWhenLimitExceeded")],
    statement: [conflictsWith("document")],
    "statement.effect": [oneOf("Allow", "Deny")],
    version: [POLICY_VERSION, conflictsWith("document")],
  }),
  ...rules("alicloud_ram_role", {
    assume_role_policy_document: [validJson, conflictsWith("document", "version", "ram_users", "services")],
    document: [validJson, conflictsWith("assume_role_policy_document", "version", "ram_users", "services")],
    name: [conflictsWith("role_name")],
    ram_users: [conflictsWith("assume_role_policy_document", "document")],
    role_name: [conflictsWith("name")],
    services: [conflictsWith("assume_role_policy_document", "document")],
    version: [POLICY_VERSION, conflictsWith("assume_role_policy_document", "document")],
  }),
  ...rules("alicloud_ram_role_policy_attachment", {
    policy_type: [oneOf("System", "Custom")],
  }),
  ...rules("alicloud_security_group", {
    inner_access_policy: [oneOf("Accept", "Drop"), conflictsWith("inner_access")],
    security_group_type: [oneOf("normal", "enterprise")],
  }),
  ...rules("alicloud_security_group_rule", {
    cidr_ip: [atLeastOneOf("cidr_ip", "ipv6_cidr_ip", "source_security_group_id", "prefix_list_id")],
    ip_protocol: [oneOf("tcp", "udp", "icmp", "icmpv6", "gre", "all")],
    ipv6_cidr_ip: [conflictsWith("cidr_ip")],
    nic_type: [oneOf("internet", "intranet")],
    policy: [oneOf("accept", "drop")],
    priority: [intBetween(1, 100)],
    source_security_group_id: [conflictsWith("cidr_ip")],
    type: [oneOf("ingress", "egress")],
  }),
  ...rules("alicloud_vpc", {
    dns_hostname_status: [oneOf("ENABLED", "DISABLED")],
    vpc_name: [conflictsWith("name")],
  }),
  ...rules("alicloud_vswitch", {
    vswitch_name: [conflictsWith("name")],
    zone_id: [exactlyOneOf("zone_id", "availability_zone")],
  }),
  ...rules("data.alicloud_images", {
    action_type: [oneOf("CreateEcs", "CreateOS")],
    architecture: [oneOf("i386", "x86_64", "arm64")],
    name_regex: [validRegexp, atLeastOneOf("name_regex", "owners", "image_owner_id")],
    os_type: [OS_TYPES],
    owners: [oneOf("system", "self", "others", "marketplace", "")],
    status: [oneOf("Available", "Creating", "Waiting", "UnAvailable", "CreateFailed", "Deprecated")],
    usage: [oneOf("instance", "none")],
  }),
  ...rules("data.alicloud_instance_types", {
    instance_charge_type: [CHARGE_TYPES],
    instance_type_family: [ECS_PREFIX],
    kubernetes_node_role: [oneOf("Master", "Worker")],
    network_type: [NETWORK_TYPES],
    sorted_by: [oneOf("CPU", "Memory", "Price")],
    spot_strategy: [SPOT_STRATEGIES],
    system_disk_category: [
      oneOf(
        "cloud",
        "ephemeral_ssd",
        "cloud_essd",
        "cloud_efficiency",
        "cloud_ssd",
        "cloud_essd_entry",
        "cloud_auto",
      ),
    ],
  }),
  ...rules("data.alicloud_zones", {
    available_disk_category: [oneOf(...DISK_CATEGORIES_BASE)],
    available_instance_type: [ECS_PREFIX],
    available_resource_creation: [
      oneOf(
        "Instance",
        "Rds",
        "PolarDB",
        "KVStore",
        "VSwitch",
        "Disk",
        "IoOptimized",
        "FunctionCompute",
        "Elasticsearch",
        "Slb",
        "MongoDB",
        "Gpdb",
        "HBase",
        "ADB",
      ),
    ],
    available_slb_address_ip_version: [oneOf("ipv4", "ipv6")],
    available_slb_address_type: [oneOf("Vpc", "classic_intranet", "classic_internet")],
    instance_charge_type: [CHARGE_TYPES],
    network_type: [NETWORK_TYPES],
    spot_strategy: [SPOT_STRATEGIES],
  }),
  ...rules("provider", {
    account_type: [oneOfIgnoringCase("Domestic", "International")],
    "assume_role.session_expiration": [intBetween(900, 43200)],
    "assume_role_with_oidc.oidc_token": [bytesBetween(4, 20000)],
    configuration_source: [bytesBetween(0, 1024)],
    protocol: [oneOf("HTTP", "HTTPS")],
  }),
];

/** The rules for one target (`alicloud_instance`, `data.alicloud_zones`, `provider`). */
export function rulesFor(target: string): readonly ProviderRule[] {
  return PROVIDER_RULES.filter((rule) => rule.target === target);
}

/**
 * True when a rule counts the items of this block itself; the schema's own min/max items check then
 * steps aside so one mistake yields one finding.
 */
export function hasItemCountRule(target: string, path: string): boolean {
  return rulesFor(target).some(
    (rule) => rule.path === path && rule.checks.some((check) => check.kind === "itemCount"),
  );
}
