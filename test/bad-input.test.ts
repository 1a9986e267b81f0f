// A corpus of hostile and malformed input. Each row must end in our own Error (never a TypeError from
// deep inside cdktf, never a stack that synthesizes and fails at plan or apply time) whose message
// names the construct's path, the prop, the value it got and the rule.
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import { Construct } from "constructs";
import {
  alicloud,
  ExportBucket,
  ExportBucketProps,
  ImageExport,
  ImageExportProps,
  ImageExportRole,
  ImageExportRoleProps,
  ImageScaffold,
  ImageScaffoldProps,
  random,
} from "../src";
import { newStack, stackInRegion, thrownBy } from "./support/synth-helpers";

// The rules, as the messages word them.
const OSS_PREFIX = "must be 1-30 letters or digits";
const BUCKET =
  "must be 3-63 characters of lowercase letters, digits and hyphens, starting and ending with a letter or digit";
const BUCKET_PREFIX =
  "must be 1-57 lowercase letters, digits and hyphens, starting with a letter or digit, so that '<prefix>-<5 random digits>' is a valid bucket name";
const IMAGE_ID = "must be the id of a custom image, 'm-' followed by lowercase letters and digits";
const TIMEOUT =
  "must be a duration such as '20m' or '1h30m', longer than the 2m the provider waits before its first status check";
const BOOLEAN = "must be true or false";
const PROVIDER = "must be an alicloud provider (alicloud.provider.AlicloudProvider)";
const NAME_PREFIX =
  "must be 2-100 characters, start with a letter, and hold only letters, digits, '.', '_', '-' and ':'";
const VPC_ID = "must be the id of a VPC, 'vpc-' followed by lowercase letters and digits";
const VSWITCH_ID = "must be the id of a vSwitch, 'vsw-' followed by lowercase letters and digits";
const SG_ID = "must be the id of a security group, 'sg-' followed by lowercase letters and digits";
const VPC_CIDR = "must be an IPv4 CIDR block with a prefix length from /8 to /28";
const VSWITCH_CIDR = "must be an IPv4 CIDR block with a prefix length from /16 to /29";
const ZONE = "must be a zone id such as 'cn-hangzhou-h'";
const ECS = "must start with 'ecs.' (the provider rejects anything else)";
const SOURCE_IMAGE = "must be an image id or name without whitespace";
const REGEX = "must be a valid regular expression";
const OWNERS = "must be one of 'system', 'self', 'others'";
const BANDWIDTH = "must be a whole number from 0 to 100 Mbit/s";
const DISK_SIZE =
  "must be a whole number from 1 to 500 GiB (the largest data disk an exported image may carry)";
const DISK = "must be a data disk such as { size: 40 }";
const DISK_LIST =
  "must be a list of data disks written out in the app, such as [{ size: 40 }] (each disk's fields may be known only at apply time)";
const IMAGE_NAME =
  "must be 2-128 characters, start with a letter, and not start with 'http://' or 'https://'";
const DESCRIPTION = "must be 2-256 characters and not start with 'http://' or 'https://'";
const WITH_IMAGE_ID = "can't be combined with imageId (it configures the image the construct would build)";
const DAYS_0 = "must be a whole number of days, 0 or more";
const DAYS_1 = "must be a whole number of days, 1 or more";
const STORAGE_CLASS = "must be one of 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive'";
const WITH_OSS_BUCKET =
  "can't be combined with ossBucket (it configures the bucket the construct would create)";

/** Props, or a function that builds them in the stack (for providers and roles). */
type PropsOf<T> = T | ((stack: TerraformStack) => T);
/** [what is wrong, the props, the sentence the message must hold: prop, rule and value]. */
type Row<T> = readonly [string, PropsOf<T>, string];

// JavaScript callers can pass anything: the corpus types its props as `unknown`.
const resolve = <T>(props: PropsOf<T>, stack: TerraformStack): T =>
  typeof props === "function" ? (props as (s: TerraformStack) => T)(stack) : props;

const fiveDisks = [{ size: 10 }, { size: 10 }, { size: 10 }, { size: 10 }, { size: 10 }];

const IMAGE_EXPORT_ROWS: Row<unknown>[] = [
  // The props object itself
  ["props null", null, "props must be an object of ImageExport options, got null"],
  ["props a string", "Export", "props must be an object of ImageExport options, got 'Export'"],
  ["props a number", 42, "props must be an object of ImageExport options, got 42"],
  ["props a list", [], "props must be an object of ImageExport options, got []"],

  // ossPrefix
  ["ossPrefix empty", { ossPrefix: "" }, `ossPrefix ${OSS_PREFIX}, got '' (empty)`],
  ["ossPrefix a space", { ossPrefix: " " }, `ossPrefix ${OSS_PREFIX}, got ' ' (has a space)`],
  ["ossPrefix a tab", { ossPrefix: "\t" }, `ossPrefix ${OSS_PREFIX}, got '\t' (has whitespace)`],
  [
    "ossPrefix with a space",
    { ossPrefix: "my prefix" },
    `ossPrefix ${OSS_PREFIX}, got 'my prefix' (has a space)`,
  ],
  [
    "ossPrefix 31 characters",
    { ossPrefix: "a".repeat(31) },
    `ossPrefix ${OSS_PREFIX}, got '${"a".repeat(31)}' (31 characters)`,
  ],
  [
    "ossPrefix accented",
    { ossPrefix: "préfixe" },
    `ossPrefix ${OSS_PREFIX}, got 'préfixe' (has the non-ASCII character 'é')`,
  ],
  [
    "ossPrefix emoji",
    { ossPrefix: "export📦" },
    `ossPrefix ${OSS_PREFIX}, got 'export📦' (has the non-ASCII character '📦')`,
  ],
  [
    "ossPrefix full-width digits",
    { ossPrefix: "１２３" },
    `ossPrefix ${OSS_PREFIX}, got '１２３' (has the non-ASCII character '１')`,
  ],
  ["ossPrefix hyphen", { ossPrefix: "my-prefix" }, `ossPrefix ${OSS_PREFIX}, got 'my-prefix' (has '-')`],
  ["ossPrefix underscore", { ossPrefix: "my_prefix" }, `ossPrefix ${OSS_PREFIX}, got 'my_prefix' (has '_')`],
  ["ossPrefix slash", { ossPrefix: "a/b" }, `ossPrefix ${OSS_PREFIX}, got 'a/b' (has '/')`],
  [
    "ossPrefix NUL",
    { ossPrefix: "ab\u0000" },
    `ossPrefix ${OSS_PREFIX}, got 'ab\u0000' (has the control character U+0000)`,
  ],
  ["ossPrefix null", { ossPrefix: null }, `ossPrefix ${OSS_PREFIX}, got null (null)`],
  ["ossPrefix a number", { ossPrefix: 12345 }, `ossPrefix ${OSS_PREFIX}, got 12345 (a number)`],
  ["ossPrefix a list", { ossPrefix: ["nightly"] }, `ossPrefix ${OSS_PREFIX}, got ["nightly"] (a list)`],

  // ossBucket
  ["ossBucket empty", { ossBucket: "" }, `ossBucket ${BUCKET}, got '' (0 characters)`],
  ["ossBucket 2 characters", { ossBucket: "ab" }, `ossBucket ${BUCKET}, got 'ab' (2 characters)`],
  [
    "ossBucket 64 characters",
    { ossBucket: "a".repeat(64) },
    `ossBucket ${BUCKET}, got '${"a".repeat(64)}' (64 characters)`,
  ],
  [
    "ossBucket upper case",
    { ossBucket: "My-Bucket" },
    `ossBucket ${BUCKET}, got 'My-Bucket' (has upper-case letters)`,
  ],
  ["ossBucket dotted", { ossBucket: "my.bucket" }, `ossBucket ${BUCKET}, got 'my.bucket' (has '.')`],
  ["ossBucket underscore", { ossBucket: "my_bucket" }, `ossBucket ${BUCKET}, got 'my_bucket' (has '_')`],
  [
    "ossBucket leading hyphen",
    { ossBucket: "-bucket" },
    `ossBucket ${BUCKET}, got '-bucket' (starts with a hyphen)`,
  ],
  [
    "ossBucket trailing hyphen",
    { ossBucket: "bucket-" },
    `ossBucket ${BUCKET}, got 'bucket-' (ends with a hyphen)`,
  ],
  [
    "ossBucket non-ASCII",
    { ossBucket: "bücket" },
    `ossBucket ${BUCKET}, got 'bücket' (has the non-ASCII character 'ü')`,
  ],
  ["ossBucket padded", { ossBucket: " bucket " }, `ossBucket ${BUCKET}, got ' bucket ' (has a space)`],
  ["ossBucket a number", { ossBucket: 42 }, `ossBucket ${BUCKET}, got 42 (a number)`],
  ["ossBucket null", { ossBucket: null }, `ossBucket ${BUCKET}, got null (null)`],

  // bucketNamePrefix and bucketForceDestroy
  ["bucketNamePrefix empty", { bucketNamePrefix: "" }, `bucketNamePrefix ${BUCKET_PREFIX}, got '' (empty)`],
  [
    "bucketNamePrefix 58 characters",
    { bucketNamePrefix: "b".repeat(58) },
    `bucketNamePrefix ${BUCKET_PREFIX}, got '${"b".repeat(58)}' (58 characters; with the suffix the name would be 64)`,
  ],
  [
    "bucketNamePrefix upper case",
    { bucketNamePrefix: "Export" },
    `bucketNamePrefix ${BUCKET_PREFIX}, got 'Export' (has upper-case letters)`,
  ],
  [
    "bucketNamePrefix leading hyphen",
    { bucketNamePrefix: "-x" },
    `bucketNamePrefix ${BUCKET_PREFIX}, got '-x' (starts with a hyphen)`,
  ],
  [
    "bucketNamePrefix dotted",
    { bucketNamePrefix: "my.images" },
    `bucketNamePrefix ${BUCKET_PREFIX}, got 'my.images' (has '.')`,
  ],
  [
    "bucketForceDestroy a string",
    { bucketForceDestroy: "yes" },
    `bucketForceDestroy ${BOOLEAN}, got 'yes' (a string)`,
  ],
  ["bucketForceDestroy null", { bucketForceDestroy: null }, `bucketForceDestroy ${BOOLEAN}, got null (null)`],
  [
    "bucketNamePrefix with ossBucket",
    { ossBucket: "my-bucket", bucketNamePrefix: "x" },
    `bucketNamePrefix ${WITH_OSS_BUCKET}, got 'x'`,
  ],
  [
    "bucketForceDestroy with ossBucket",
    { ossBucket: "my-bucket", bucketForceDestroy: false },
    `bucketForceDestroy ${WITH_OSS_BUCKET}, got false`,
  ],

  // The created bucket's retention and lifecycle
  [
    "bucketRetainDeletedExportsDays negative",
    { bucketRetainDeletedExportsDays: -1 },
    `bucketRetainDeletedExportsDays ${DAYS_0}, got -1`,
  ],
  [
    "bucketRetainDeletedExportsDays a string",
    { bucketRetainDeletedExportsDays: "30" },
    `bucketRetainDeletedExportsDays ${DAYS_0}, got '30' (a string)`,
  ],
  [
    "bucketRetainDeletedExportsDays NaN",
    { bucketRetainDeletedExportsDays: NaN },
    `bucketRetainDeletedExportsDays ${DAYS_0}, got NaN`,
  ],
  [
    "bucketRetainDeletedExportsDays Infinity",
    { bucketRetainDeletedExportsDays: Infinity },
    `bucketRetainDeletedExportsDays ${DAYS_0}, got Infinity`,
  ],
  ["bucketExpireAfterDays 0", { bucketExpireAfterDays: 0 }, `bucketExpireAfterDays ${DAYS_1}, got 0`],
  [
    "bucketExpireAfterDays null",
    { bucketExpireAfterDays: null },
    `bucketExpireAfterDays ${DAYS_1}, got null (null)`,
  ],
  [
    "bucketTransitions an object",
    { bucketTransitions: { storageClass: "IA", afterDays: 30 } },
    'bucketTransitions must be a list of { storageClass, afterDays }, got {"storageClass":"IA","afterDays":30} (an object)',
  ],
  [
    "bucketTransitions holding null",
    { bucketTransitions: [null] },
    "bucketTransitions[0] must be a transition such as { storageClass: 'Archive', afterDays: 30 }, got null",
  ],
  [
    "bucketTransitions holding a class name",
    { bucketTransitions: ["Archive"] },
    "bucketTransitions[0] must be a transition such as { storageClass: 'Archive', afterDays: 30 }, got 'Archive'",
  ],
  [
    "bucketTransitions to Standard",
    { bucketTransitions: [{ storageClass: "Standard", afterDays: 30 }] },
    `bucketTransitions[0].storageClass ${STORAGE_CLASS}, got 'Standard'`,
  ],
  [
    "bucketTransitions without a class",
    { bucketTransitions: [{ afterDays: 30 }] },
    `bucketTransitions[0].storageClass ${STORAGE_CLASS}, got undefined (missing)`,
  ],
  [
    "bucketTransitions after a fraction of a day",
    { bucketTransitions: [{ storageClass: "IA", afterDays: 0.5 }] },
    `bucketTransitions[0].afterDays ${DAYS_1}, got 0.5 (not a whole number)`,
  ],
  [
    "bucketTransitions warmer later",
    {
      bucketTransitions: [
        { storageClass: "Archive", afterDays: 30 },
        { storageClass: "IA", afterDays: 60 },
      ],
    },
    "bucketTransitions[0].afterDays must be later than the 60 days after which bucketTransitions[1] moves exports to IA (Archive is colder, and OSS requires colder classes on later days), got 30",
  ],
  [
    "bucketExpireAfterDays before a transition",
    { bucketTransitions: [{ storageClass: "IA", afterDays: 30 }], bucketExpireAfterDays: 10 },
    "bucketExpireAfterDays must be later than every transition (bucketTransitions[0] moves exports to IA after 30 days; OSS requires expiration last), got 10",
  ],
  [
    "bucketRetainDeletedExportsDays with ossBucket",
    { ossBucket: "my-bucket", bucketRetainDeletedExportsDays: 7 },
    `bucketRetainDeletedExportsDays ${WITH_OSS_BUCKET}, got 7`,
  ],
  [
    "bucketTransitions with ossBucket",
    { ossBucket: "my-bucket", bucketTransitions: [{ storageClass: "IA", afterDays: 30 }] },
    `bucketTransitions ${WITH_OSS_BUCKET}, got [{"storageClass":"IA","afterDays":30}]`,
  ],
  [
    "bucketExpireAfterDays with ossBucket",
    { ossBucket: "my-bucket", bucketExpireAfterDays: 365 },
    `bucketExpireAfterDays ${WITH_OSS_BUCKET}, got 365`,
  ],

  // imageId
  ["imageId empty", { imageId: "" }, `imageId ${IMAGE_ID}, got '' (empty)`],
  [
    "imageId a public image",
    { imageId: "ubuntu_22_04_x64_20G_alibase_20240101.vhd" },
    `imageId ${IMAGE_ID}, got 'ubuntu_22_04_x64_20G_alibase_20240101.vhd' (looks like a public image; only custom images can be exported)`,
  ],
  [
    "imageId another prefix",
    { imageId: "img-123" },
    `imageId ${IMAGE_ID}, got 'img-123' (does not start with 'm-')`,
  ],
  ["imageId nothing after m-", { imageId: "m-" }, `imageId ${IMAGE_ID}, got 'm-' (nothing after 'm-')`],
  ["imageId upper case", { imageId: "m-ABC" }, `imageId ${IMAGE_ID}, got 'm-ABC' (has 'A')`],
  ["imageId with a space", { imageId: "m-abc def" }, `imageId ${IMAGE_ID}, got 'm-abc def' (has a space)`],
  ["imageId a number", { imageId: 123 }, `imageId ${IMAGE_ID}, got 123 (a number)`],
  ["imageId null", { imageId: null }, `imageId ${IMAGE_ID}, got null (null)`],

  // createTimeout
  ["createTimeout empty", { createTimeout: "" }, `createTimeout ${TIMEOUT}, got '' (empty)`],
  ["createTimeout blank", { createTimeout: "  " }, `createTimeout ${TIMEOUT}, got '  ' (empty)`],
  [
    "createTimeout '0'",
    { createTimeout: "0" },
    `createTimeout ${TIMEOUT}, got '0' (no unit; write e.g. '30m')`,
  ],
  [
    "createTimeout '20'",
    { createTimeout: "20" },
    `createTimeout ${TIMEOUT}, got '20' (no unit; write e.g. '30m')`,
  ],
  [
    "createTimeout '0s'",
    { createTimeout: "0s" },
    `createTimeout ${TIMEOUT}, got '0s' (the export would always time out)`,
  ],
  [
    "createTimeout '2m'",
    { createTimeout: "2m" },
    `createTimeout ${TIMEOUT}, got '2m' (the export would always time out)`,
  ],
  [
    "createTimeout '-5m'",
    { createTimeout: "-5m" },
    `createTimeout ${TIMEOUT}, got '-5m' (the export would always time out)`,
  ],
  [
    "createTimeout '20 m'",
    { createTimeout: "20 m" },
    `createTimeout ${TIMEOUT}, got '20 m' (not a Go duration)`,
  ],
  ["createTimeout '1d'", { createTimeout: "1d" }, `createTimeout ${TIMEOUT}, got '1d' (not a Go duration)`],
  [
    "createTimeout '20min'",
    { createTimeout: "20min" },
    `createTimeout ${TIMEOUT}, got '20min' (not a Go duration)`,
  ],
  [
    "createTimeout past int64",
    { createTimeout: "9999999h" },
    `createTimeout ${TIMEOUT}, got '9999999h' (not a Go duration)`,
  ],
  ["createTimeout a number", { createTimeout: 20 }, `createTimeout ${TIMEOUT}, got 20 (a number)`],

  // createRole, role and provider
  ["createRole a string", { createRole: "true" }, `createRole ${BOOLEAN}, got 'true' (a string)`],
  ["createRole a number", { createRole: 1 }, `createRole ${BOOLEAN}, got 1 (a number)`],
  ["role a plain object", { role: {} }, "role must be an ImageExportRole, got {}"],
  ["role null", { role: null }, "role must be an ImageExportRole, got null"],
  [
    "createRole with role",
    (stack: TerraformStack) => ({ createRole: true, role: new ImageExportRole(stack, "Role") }),
    "createRole can't be true when role is given (the account can hold the role only once)",
  ],
  ["provider a region name", { provider: "cn-hangzhou" }, `provider ${PROVIDER}, got 'cn-hangzhou'`],
  [
    "provider a plain object",
    { provider: { region: "cn-hangzhou" } },
    `provider ${PROVIDER}, got {"region":"cn-hangzhou"}`,
  ],
  ["provider null", { provider: null }, `provider ${PROVIDER}, got null`],
  [
    "provider of another kind",
    (stack: TerraformStack) => ({ provider: new random.provider.RandomProvider(stack, "random") }),
    `provider ${PROVIDER}, got stack/random (a 'random' provider)`,
  ],

  // Scaffold options next to imageId
  [
    "namePrefix with imageId",
    { imageId: "m-abc", namePrefix: "build" },
    `namePrefix ${WITH_IMAGE_ID}, got 'build'`,
  ],
  [
    "dataDisks with imageId",
    { imageId: "m-abc", dataDisks: [{ size: 40 }] },
    `dataDisks ${WITH_IMAGE_ID}, got [{"size":40}]`,
  ],
  [
    "instanceType with imageId",
    { imageId: "m-abc", instanceType: "ecs.g7.large" },
    `instanceType ${WITH_IMAGE_ID}, got 'ecs.g7.large'`,
  ],
  ["vpcId with imageId", { imageId: "m-abc", vpcId: "vpc-abc" }, `vpcId ${WITH_IMAGE_ID}, got 'vpc-abc'`],
  [
    "instanceForceDelete with imageId",
    { imageId: "m-abc", instanceForceDelete: true },
    `instanceForceDelete ${WITH_IMAGE_ID}, got true`,
  ],

  // namePrefix
  ["namePrefix empty", { namePrefix: "" }, `namePrefix ${NAME_PREFIX}, got '' (0 characters)`],
  ["namePrefix one character", { namePrefix: "x" }, `namePrefix ${NAME_PREFIX}, got 'x' (1 characters)`],
  [
    "namePrefix 101 characters",
    { namePrefix: "n".repeat(101) },
    `namePrefix ${NAME_PREFIX}, got '${"n".repeat(101)}' (101 characters)`,
  ],
  [
    "namePrefix starts with a digit",
    { namePrefix: "1export" },
    `namePrefix ${NAME_PREFIX}, got '1export' (starts with '1')`,
  ],
  [
    "namePrefix a URL",
    { namePrefix: "http://export" },
    `namePrefix ${NAME_PREFIX}, got 'http://export' (has '/')`,
  ],
  [
    "namePrefix with a space",
    { namePrefix: "image export" },
    `namePrefix ${NAME_PREFIX}, got 'image export' (has a space)`,
  ],
  [
    "namePrefix non-ASCII",
    { namePrefix: "imagé" },
    `namePrefix ${NAME_PREFIX}, got 'imagé' (has the non-ASCII character 'é')`,
  ],

  // Network ids
  [
    "vpcId underscore",
    { vpcId: "vpc_123", vswitchCidrBlock: "10.0.0.0/24" },
    `vpcId ${VPC_ID}, got 'vpc_123'`,
  ],
  [
    "vpcId upper case",
    { vpcId: "vpc-ABC", vswitchCidrBlock: "10.0.0.0/24" },
    `vpcId ${VPC_ID}, got 'vpc-ABC' (has 'A')`,
  ],
  ["vpcId null", { vpcId: null, vswitchCidrBlock: "10.0.0.0/24" }, `vpcId ${VPC_ID}, got null (null)`],
  [
    "vswitchId nothing after the prefix",
    { vswitchId: "vsw-", vpcId: "vpc-abc" },
    `vswitchId ${VSWITCH_ID}, got 'vsw-'`,
  ],
  [
    "vswitchId a VPC id",
    { vswitchId: "vpc-abc", vpcId: "vpc-abc" },
    `vswitchId ${VSWITCH_ID}, got 'vpc-abc'`,
  ],
  [
    "securityGroupId a number",
    { securityGroupId: 7, vpcId: "vpc-abc", vswitchId: "vsw-abc" },
    `securityGroupId ${SG_ID}, got 7 (a number)`,
  ],

  // CIDR blocks
  [
    "vpcCidrBlock no prefix length",
    { vpcCidrBlock: "172.17.3.0" },
    `vpcCidrBlock ${VPC_CIDR}, got '172.17.3.0' (not of the form a.b.c.d/n)`,
  ],
  [
    "vpcCidrBlock octet 300",
    { vpcCidrBlock: "300.1.1.0/24" },
    `vpcCidrBlock ${VPC_CIDR}, got '300.1.1.0/24' (the address part 300.1.1.0 is not an IPv4 address)`,
  ],
  [
    "vpcCidrBlock leading zero",
    { vpcCidrBlock: "010.0.0.0/16" },
    `vpcCidrBlock ${VPC_CIDR}, got '010.0.0.0/16' (the address part 010.0.0.0 is not an IPv4 address)`,
  ],
  [
    "vpcCidrBlock host bits",
    { vpcCidrBlock: "10.0.0.1/24" },
    `vpcCidrBlock ${VPC_CIDR}, got '10.0.0.1/24' (host bits are set; the network is 10.0.0.0/24)`,
  ],
  [
    "vpcCidrBlock /33",
    { vpcCidrBlock: "10.0.0.0/33" },
    `vpcCidrBlock ${VPC_CIDR}, got '10.0.0.0/33' (/33 is longer than 32 bits)`,
  ],
  ["vpcCidrBlock /7", { vpcCidrBlock: "10.0.0.0/7" }, `vpcCidrBlock ${VPC_CIDR}, got '10.0.0.0/7' (/7)`],
  ["vpcCidrBlock /29", { vpcCidrBlock: "10.0.0.0/29" }, `vpcCidrBlock ${VPC_CIDR}, got '10.0.0.0/29' (/29)`],
  [
    "vpcCidrBlock padded",
    { vpcCidrBlock: " 10.0.0.0/16" },
    `vpcCidrBlock ${VPC_CIDR}, got ' 10.0.0.0/16' (not of the form a.b.c.d/n)`,
  ],
  [
    "vpcCidrBlock IPv6",
    { vpcCidrBlock: "fd00::/8" },
    `vpcCidrBlock ${VPC_CIDR}, got 'fd00::/8' (not of the form a.b.c.d/n)`,
  ],
  [
    "vswitchCidrBlock /30",
    { vpcCidrBlock: "10.0.0.0/16", vswitchCidrBlock: "10.0.0.0/30" },
    `vswitchCidrBlock ${VSWITCH_CIDR}, got '10.0.0.0/30' (/30)`,
  ],
  [
    "vswitchCidrBlock /15",
    { vpcCidrBlock: "10.0.0.0/8", vswitchCidrBlock: "10.0.0.0/15" },
    `vswitchCidrBlock ${VSWITCH_CIDR}, got '10.0.0.0/15' (/15)`,
  ],
  [
    "vswitch outside its VPC",
    { vpcCidrBlock: "10.0.0.0/16", vswitchCidrBlock: "10.1.0.0/24" },
    "vswitchCidrBlock must lie inside the VPC's block '10.0.0.0/16', got '10.1.0.0/24'",
  ],
  [
    "vswitch outside the default VPC",
    { vswitchCidrBlock: "10.1.0.0/24" },
    "vswitchCidrBlock must lie inside the VPC's block '172.17.3.0/24' (the default vpcCidrBlock), got '10.1.0.0/24'",
  ],
  [
    "vswitch wider than its VPC",
    { vpcCidrBlock: "10.0.0.0/24", vswitchCidrBlock: "10.0.0.0/16" },
    "vswitchCidrBlock must lie inside the VPC's block '10.0.0.0/24', got '10.0.0.0/16'",
  ],
  [
    "VPC wider than /16 and no vSwitch block",
    { vpcCidrBlock: "10.0.0.0/12" },
    "vswitchCidrBlock must be given when vpcCidrBlock is wider than /16 (the vSwitch would take the VPC's whole block, but vSwitch blocks are /16 to /29), got none with vpcCidrBlock '10.0.0.0/12'",
  ],

  // Contradictory or incomplete network options
  [
    "vpcCidrBlock with vpcId",
    { vpcId: "vpc-abc", vpcCidrBlock: "10.0.0.0/16", vswitchCidrBlock: "10.0.1.0/24" },
    "vpcCidrBlock can't be combined with vpcId (the VPC already exists), got '10.0.0.0/16'",
  ],
  [
    "vpcCidrBlock with vswitchId",
    { vpcId: "vpc-abc", vswitchId: "vsw-abc", vpcCidrBlock: "10.0.0.0/16" },
    "vpcCidrBlock can't be combined with vswitchId (the vSwitch's VPC already exists), got '10.0.0.0/16'",
  ],
  [
    "vswitchCidrBlock with vswitchId",
    { vpcId: "vpc-abc", vswitchId: "vsw-abc", vswitchCidrBlock: "10.0.1.0/24" },
    "vswitchCidrBlock can't be combined with vswitchId (the vSwitch already exists), got '10.0.1.0/24'",
  ],
  [
    "zoneId with vswitchId",
    { vpcId: "vpc-abc", vswitchId: "vsw-abc", zoneId: "cn-hangzhou-h" },
    "zoneId can't be combined with vswitchId (the instance runs in the vSwitch's zone), got 'cn-hangzhou-h'",
  ],
  [
    "vpcId without a vSwitch",
    { vpcId: "vpc-abc" },
    "vswitchCidrBlock must be given when vpcId is given without vswitchId (a block inside 'vpc-abc' for the new vSwitch)",
  ],
  [
    "securityGroupId without its VPC",
    { securityGroupId: "sg-abc" },
    "securityGroupId needs vpcId or vswitchId of the group's VPC (the scaffold would otherwise build the instance in a new VPC the group isn't in), got 'sg-abc'",
  ],
  [
    "vswitchId without vpcId",
    { vswitchId: "vsw-abc" },
    "vpcId must be given when vswitchId is given without securityGroupId (the new security group must be created in the vSwitch's VPC)",
  ],

  // Misspelt options: ignoring them would silently use the default instead.
  [
    "misspelt ossPrefix",
    { ossPrefx: "nightly" },
    "ossPrefx is not an option of ImageExport (did you mean ossPrefix?), got 'nightly'",
  ],
  ["unknown option", { bucket: "exports" }, "bucket is not an option of ImageExport, got 'exports'"],
  [
    "misspelt data disk field",
    { dataDisks: [{ size: 40, catgory: "cloud_essd" }] },
    "dataDisks[0].catgory is not an option of DataDisk (did you mean category?), got 'cloud_essd'",
  ],

  // Zone
  [
    "zoneId a region",
    { zoneId: "cn-hangzhou" },
    `zoneId ${ZONE}, got 'cn-hangzhou' (a region, not a zone of it)`,
  ],
  ["zoneId upper case", { zoneId: "CN-HANGZHOU-H" }, `zoneId ${ZONE}, got 'CN-HANGZHOU-H'`],
  ["zoneId underscores", { zoneId: "cn_hangzhou_h" }, `zoneId ${ZONE}, got 'cn_hangzhou_h'`],
  ["zoneId trailing hyphen", { zoneId: "cn-hangzhou-" }, `zoneId ${ZONE}, got 'cn-hangzhou-'`],
  ["zoneId empty", { zoneId: "" }, `zoneId ${ZONE}, got ''`],

  // Instance type
  ["instanceType without ecs.", { instanceType: "g7.large" }, `instanceType ${ECS}, got 'g7.large'`],
  ["instanceType only ecs.", { instanceType: "ecs." }, `instanceType ${ECS}, got 'ecs.'`],
  [
    "instanceType upper-case ECS.",
    { instanceType: "ECS.g7.large" },
    `instanceType ${ECS}, got 'ECS.g7.large'`,
  ],
  [
    "instanceType with a space",
    { instanceType: "ecs.g7 large" },
    `instanceType ${ECS}, got 'ecs.g7 large' (has a space)`,
  ],
  [
    "instanceTypeFamily an RDS class",
    { instanceTypeFamily: "rds.mysql" },
    `instanceTypeFamily ${ECS}, got 'rds.mysql'`,
  ],
  [
    "instanceTypeFamily with instanceType",
    { instanceType: "ecs.g7.large", instanceTypeFamily: "ecs.g7" },
    "instanceTypeFamily can't be combined with instanceType (the type is already chosen), got 'ecs.g7'",
  ],

  // Source image
  ["sourceImageId empty", { sourceImageId: "" }, `sourceImageId ${SOURCE_IMAGE}, got '' (empty)`],
  [
    "sourceImageId with a space",
    { sourceImageId: "ubuntu 22" },
    `sourceImageId ${SOURCE_IMAGE}, got 'ubuntu 22' (has whitespace)`,
  ],
  [
    "sourceImageNameRegex with sourceImageId",
    { sourceImageId: "m-abc", sourceImageNameRegex: "^ubuntu" },
    "sourceImageNameRegex can't be combined with sourceImageId (the source image is already chosen), got '^ubuntu'",
  ],
  [
    "sourceImageOwners with sourceImageId",
    { sourceImageId: "m-abc", sourceImageOwners: "self" },
    "sourceImageOwners can't be combined with sourceImageId (the source image is already chosen), got 'self'",
  ],
  [
    "sourceImageOwners marketplace",
    { sourceImageOwners: "marketplace" },
    `sourceImageOwners ${OWNERS}, got 'marketplace' (custom images based on Marketplace images can't be exported)`,
  ],
  [
    "sourceImageOwners capitalized",
    { sourceImageOwners: "System" },
    `sourceImageOwners ${OWNERS}, got 'System'`,
  ],
  ["sourceImageOwners empty", { sourceImageOwners: "" }, `sourceImageOwners ${OWNERS}, got ''`],
  [
    "sourceImageNameRegex unterminated group",
    { sourceImageNameRegex: "(" },
    `sourceImageNameRegex ${REGEX}, got '(' (missing closing ))`,
  ],
  [
    "sourceImageNameRegex unterminated class",
    { sourceImageNameRegex: "[a-" },
    `sourceImageNameRegex ${REGEX}, got '[a-' (missing closing ])`,
  ],
  [
    "sourceImageNameRegex nothing to repeat",
    { sourceImageNameRegex: "a**" },
    `sourceImageNameRegex ${REGEX}, got 'a**' ('**' repeats a repetition)`,
  ],
  [
    "sourceImageNameRegex empty",
    { sourceImageNameRegex: "" },
    `sourceImageNameRegex ${REGEX}, got '' (empty)`,
  ],
  [
    "sourceImageNameRegex lookahead",
    { sourceImageNameRegex: "^ubuntu(?!_16)" },
    `sourceImageNameRegex ${REGEX}, got '^ubuntu(?!_16)' (has the lookaround '(?!', which Go's RE2 doesn't support)`,
  ],
  [
    "sourceImageNameRegex backreference",
    { sourceImageNameRegex: "(ubuntu)_\\1" },
    `sourceImageNameRegex ${REGEX}, got '(ubuntu)_\\1' (has the backreference '\\1', which Go's RE2 doesn't support)`,
  ],
  [
    "sourceImageNameRegex unicode escape",
    { sourceImageNameRegex: "\\u0075buntu" },
    `sourceImageNameRegex ${REGEX}, got '\\u0075buntu' (has the escape '\\u', which Go's RE2 doesn't know)`,
  ],

  // Public bandwidth
  [
    "instancePublicBandwidth negative",
    { instancePublicBandwidth: -1 },
    `instancePublicBandwidth ${BANDWIDTH}, got -1`,
  ],
  [
    "instancePublicBandwidth 101",
    { instancePublicBandwidth: 101 },
    `instancePublicBandwidth ${BANDWIDTH}, got 101`,
  ],
  [
    "instancePublicBandwidth fractional",
    { instancePublicBandwidth: 1.5 },
    `instancePublicBandwidth ${BANDWIDTH}, got 1.5 (not a whole number)`,
  ],
  [
    "instancePublicBandwidth NaN",
    { instancePublicBandwidth: NaN },
    `instancePublicBandwidth ${BANDWIDTH}, got NaN`,
  ],
  [
    "instancePublicBandwidth a string",
    { instancePublicBandwidth: "10" },
    `instancePublicBandwidth ${BANDWIDTH}, got '10' (a string)`,
  ],

  // Data disks
  [
    "five data disks",
    { dataDisks: fiveDisks },
    "dataDisks must hold at most 4 disks (the most an exported image may carry), got 5",
  ],
  ["data disk without size", { dataDisks: [{}] }, "dataDisks[0].size must be given (GiB, 1-500)"],
  ["data disk null", { dataDisks: [null] }, `dataDisks[0] ${DISK}, got null`],
  ["data disk undefined", { dataDisks: [undefined] }, `dataDisks[0] ${DISK}, got undefined`],
  // eslint-disable-next-line no-sparse-arrays
  ["data disks with a hole", { dataDisks: [, { size: 20 }] }, `dataDisks[0] ${DISK}, got undefined`],
  ["data disk a string", { dataDisks: [{ size: 20 }, "disk"] }, `dataDisks[1] ${DISK}, got 'disk'`],
  ["data disk a list", { dataDisks: [[40]] }, `dataDisks[0] ${DISK}, got [40]`],
  [
    "dataDisks one disk, not a list",
    { dataDisks: { size: 40 } },
    'dataDisks must be a list of data disks, got {"size":40}',
  ],
  ["dataDisks null", { dataDisks: null }, "dataDisks must be a list of data disks, got null"],
  [
    "dataDisks a list variable",
    (stack: TerraformStack) => ({
      dataDisks: new TerraformVariable(stack, "disks", { type: "list(object({ size = number }))" }).listValue,
    }),
    `dataDisks ${DISK_LIST}, got a value known only at apply time (Terraform can't make data_disks blocks from one expression)`,
  ],
  [
    "dataDisks a variable's value",
    (stack: TerraformStack) => ({
      dataDisks: new TerraformVariable(stack, "disks", { type: "list(any)" }).value,
    }),
    `dataDisks ${DISK_LIST}, got a value known only at apply time (Terraform can't make data_disks blocks from one expression)`,
  ],
  [
    "dataDisks a number variable",
    (stack: TerraformStack) => ({
      dataDisks: new TerraformVariable(stack, "disks", { type: "number" }).numberValue,
    }),
    `dataDisks ${DISK_LIST}, got a value known only at apply time (Terraform can't make data_disks blocks from one expression)`,
  ],
  [
    "one data disk a variable's value",
    (stack: TerraformStack) => ({
      dataDisks: [{ size: 20 }, new TerraformVariable(stack, "disk", { type: "any" }).value],
    }),
    "dataDisks[1] must be a data disk such as { size: 40 } written out in the app (its fields may be known only at apply time, the disk itself can't), got a value known only at apply time",
  ],
  ["data disk size NaN", { dataDisks: [{ size: NaN }] }, `dataDisks[0].size ${DISK_SIZE}, got NaN`],
  ["data disk size negative", { dataDisks: [{ size: -1 }] }, `dataDisks[0].size ${DISK_SIZE}, got -1`],
  ["data disk size 0", { dataDisks: [{ size: 0 }] }, `dataDisks[0].size ${DISK_SIZE}, got 0`],
  [
    "data disk size fractional",
    { dataDisks: [{ size: 40.5 }] },
    `dataDisks[0].size ${DISK_SIZE}, got 40.5 (not a whole number)`,
  ],
  ["data disk size 501", { dataDisks: [{ size: 501 }] }, `dataDisks[0].size ${DISK_SIZE}, got 501`],
  [
    "data disk size huge",
    { dataDisks: [{ size: 1e12 }] },
    `dataDisks[0].size ${DISK_SIZE}, got 1000000000000`,
  ],
  [
    "data disk size Infinity",
    { dataDisks: [{ size: Infinity }] },
    `dataDisks[0].size ${DISK_SIZE}, got Infinity`,
  ],
  [
    "data disk size -Infinity",
    { dataDisks: [{ size: -Infinity }] },
    `dataDisks[0].size ${DISK_SIZE}, got -Infinity`,
  ],
  [
    "data disk size a string",
    { dataDisks: [{ size: "40" }] },
    `dataDisks[0].size ${DISK_SIZE}, got '40' (a string)`,
  ],
  ["data disk size null", { dataDisks: [{ size: null }] }, `dataDisks[0].size ${DISK_SIZE}, got null (null)`],
  [
    "data disk category unknown",
    { dataDisks: [{ size: 40, category: "ssd" }] },
    "dataDisks[0].category must be one of 'all', 'cloud', ",
  ],
  [
    "data disk performance level lower case",
    { dataDisks: [{ size: 40, performanceLevel: "pl1" }] },
    "dataDisks[0].performanceLevel must be one of 'PL0', 'PL1', 'PL2', 'PL3', got 'pl1'",
  ],
  [
    "data disk name 1 byte",
    { dataDisks: [{ size: 40, name: "d" }] },
    "dataDisks[0].name must be 2-128 bytes long, got 'd' (1 bytes)",
  ],
  [
    "data disk description 258 bytes",
    { dataDisks: [{ size: 40, description: "é".repeat(129) }] },
    `dataDisks[0].description must be 2-256 bytes long, got '${"é".repeat(129)}' (258 bytes)`,
  ],

  // Image name and description
  [
    "imageName starts with a digit",
    { imageName: "1image" },
    `imageName ${IMAGE_NAME}, got '1image' (starts with '1')`,
  ],
  ["imageName http://", { imageName: "http://image" }, `imageName ${IMAGE_NAME}, got 'http://image'`],
  ["imageName https://", { imageName: "https://image" }, `imageName ${IMAGE_NAME}, got 'https://image'`],
  ["imageName one character", { imageName: "i" }, `imageName ${IMAGE_NAME}, got 'i' (1 characters)`],
  [
    "imageName 129 characters",
    { imageName: "i".repeat(129) },
    `imageName ${IMAGE_NAME}, got '${"i".repeat(129)}' (129 characters)`,
  ],
  [
    "imageName with a space",
    { imageName: "my image" },
    `imageName ${IMAGE_NAME}, got 'my image' (has a space)`,
  ],
  [
    "imageDescription http://",
    { imageDescription: "http://example.com" },
    `imageDescription ${DESCRIPTION}, got 'http://example.com'`,
  ],
  [
    "imageDescription one character",
    { imageDescription: "x" },
    `imageDescription ${DESCRIPTION}, got 'x' (1 characters)`,
  ],
  [
    "imageDescription 257 characters",
    { imageDescription: "d".repeat(257) },
    `imageDescription ${DESCRIPTION}, got '${"d".repeat(257)}' (257 characters)`,
  ],
  [
    "instanceForceDelete a string",
    { instanceForceDelete: "false" },
    `instanceForceDelete ${BOOLEAN}, got 'false' (a string)`,
  ],
];

function expectOurError(error: unknown, subject: string, problem: string): void {
  // Our error, not a TypeError or RangeError escaping from somewhere deeper.
  expect(error).toBeInstanceOf(Error);
  expect((error as object).constructor).toBe(Error);
  expect(error).not.toBeInstanceOf(TypeError);
  const message = (error as Error).message;
  expect(message).toContain(`${subject}: ${problem}`);
}

describe("ImageExport refuses hostile input with a clear error", () => {
  test("the corpus is big enough to mean something", () => {
    expect(IMAGE_EXPORT_ROWS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(IMAGE_EXPORT_ROWS.map(([label]) => label)).size).toBe(IMAGE_EXPORT_ROWS.length);
  });

  test.each(IMAGE_EXPORT_ROWS)("%s", (_label, props, problem) => {
    const stack = newStack();
    const error = thrownBy(() => new ImageExport(stack, "Export", resolve(props, stack) as ImageExportProps));
    expectOurError(error, "ImageExport at 'stack/Export'", problem);
  });

  test("every problem is reported at once, each with the construct's path", () => {
    const error = thrownBy(
      () =>
        new ImageExport(newStack(), "Export", {
          ossPrefix: "",
          ossBucket: "Bad_Bucket",
          createTimeout: "0",
        }),
    );
    expect((error as object).constructor).toBe(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^3 problems:\n/);
    expect(message).toContain(`  - ImageExport at 'stack/Export': ossPrefix ${OSS_PREFIX}, got '' (empty)`);
    expect(message).toContain(`  - ImageExport at 'stack/Export': ossBucket ${BUCKET}, got 'Bad_Bucket'`);
    expect(message).toContain(`  - ImageExport at 'stack/Export': createTimeout ${TIMEOUT}, got '0'`);
  });

  test("a nested construct is named by its full path", () => {
    const stack = newStack();
    const team = new Construct(stack, "Team");
    const error = thrownBy(() => new ImageExport(team, "Nightly", { ossPrefix: "bad prefix" }));
    expectOurError(
      error,
      "ImageExport at 'stack/Team/Nightly'",
      `ossPrefix ${OSS_PREFIX}, got 'bad prefix' (has a space)`,
    );
  });
});

const SCAFFOLD_ROWS: Row<unknown>[] = [
  ["props null", null, "props must be an object of ImageScaffold options, got null"],
  ["props a string", "scaffold", "props must be an object of ImageScaffold options, got 'scaffold'"],
  ["provider a string", { provider: "alicloud" }, `provider ${PROVIDER}, got 'alicloud'`],
  ["namePrefix empty", { namePrefix: "" }, `namePrefix ${NAME_PREFIX}, got '' (0 characters)`],
  [
    "five data disks",
    { dataDisks: fiveDisks },
    "dataDisks must hold at most 4 disks (the most an exported image may carry), got 5",
  ],
  ["data disk null", { dataDisks: [null] }, `dataDisks[0] ${DISK}, got null`],
  [
    "vpcCidrBlock host bits",
    { vpcCidrBlock: "10.0.0.1/24" },
    `vpcCidrBlock ${VPC_CIDR}, got '10.0.0.1/24' (host bits are set; the network is 10.0.0.0/24)`,
  ],
  [
    "marketplace owners",
    { sourceImageOwners: "marketplace" },
    `sourceImageOwners ${OWNERS}, got 'marketplace'`,
  ],
  [
    "instanceType with instanceTypeFamily",
    { instanceType: "ecs.g7.large", instanceTypeFamily: "ecs.g7" },
    "instanceTypeFamily can't be combined with instanceType",
  ],
  ["imageName a URL", { imageName: "https://x" }, `imageName ${IMAGE_NAME}, got 'https://x'`],
];

describe("ImageScaffold refuses hostile input with a clear error", () => {
  test.each(SCAFFOLD_ROWS)("%s", (_label, props, problem) => {
    const stack = newStack();
    const error = thrownBy(
      () => new ImageScaffold(stack, "Scaffold", resolve(props, stack) as ImageScaffoldProps),
    );
    expectOurError(error, "ImageScaffold at 'stack/Scaffold'", problem);
  });
});

const BUCKET_ROWS: Row<unknown>[] = [
  ["props null", null, "props must be an object of ExportBucket options, got null"],
  ["props a number", 5, "props must be an object of ExportBucket options, got 5"],
  ["provider a plain object", { provider: {} }, `provider ${PROVIDER}, got {}`],
  [
    "ImageExport's name for force destroy",
    { bucketForceDestroy: true },
    "bucketForceDestroy is not an option of ExportBucket (did you mean forceDestroy?), got true",
  ],
  ["bucketNamePrefix empty", { bucketNamePrefix: "" }, `bucketNamePrefix ${BUCKET_PREFIX}, got '' (empty)`],
  [
    "bucketNamePrefix upper case",
    { bucketNamePrefix: "IMAGES" },
    `bucketNamePrefix ${BUCKET_PREFIX}, got 'IMAGES' (has upper-case letters)`,
  ],
  [
    "bucketNamePrefix underscore",
    { bucketNamePrefix: "my_images" },
    `bucketNamePrefix ${BUCKET_PREFIX}, got 'my_images' (has '_')`,
  ],
  [
    "bucketNamePrefix a number",
    { bucketNamePrefix: 42 },
    `bucketNamePrefix ${BUCKET_PREFIX}, got 42 (a number)`,
  ],
  ["forceDestroy a string", { forceDestroy: "true" }, `forceDestroy ${BOOLEAN}, got 'true' (a string)`],
  [
    "ImageExport's name for retention",
    { bucketRetainDeletedExportsDays: 7 },
    "bucketRetainDeletedExportsDays is not an option of ExportBucket (did you mean retainDeletedExportsDays?), got 7",
  ],
  [
    "retainDeletedExportsDays -1",
    { retainDeletedExportsDays: -1 },
    `retainDeletedExportsDays ${DAYS_0}, got -1`,
  ],
  [
    "retainDeletedExportsDays true",
    { retainDeletedExportsDays: true },
    `retainDeletedExportsDays ${DAYS_0}, got true (a boolean)`,
  ],
  ["expireAfterDays 0", { expireAfterDays: 0 }, `expireAfterDays ${DAYS_1}, got 0`],
  [
    "transitions a string",
    { transitions: "Archive" },
    "transitions must be a list of { storageClass, afterDays }, got 'Archive' (a string)",
  ],
  [
    "transitions to an unknown class",
    { transitions: [{ storageClass: "Glacier", afterDays: 30 }] },
    `transitions[0].storageClass ${STORAGE_CLASS}, got 'Glacier'`,
  ],
  [
    "transitions to one class twice",
    {
      transitions: [
        { storageClass: "IA", afterDays: 30 },
        { storageClass: "IA", afterDays: 60 },
      ],
    },
    "transitions[1].storageClass must not repeat a class (transitions[0] already moves exports to IA), got 'IA'",
  ],
];

describe("ExportBucket refuses hostile input with a clear error", () => {
  test.each(BUCKET_ROWS)("%s", (_label, props, problem) => {
    const stack = newStack();
    const error = thrownBy(
      () => new ExportBucket(stack, "Bucket", resolve(props, stack) as ExportBucketProps),
    );
    expectOurError(error, "ExportBucket at 'stack/Bucket'", problem);
  });
});

const ROLE_ROWS: Row<unknown>[] = [
  ["props null", null, "props must be an object of ImageExportRole options, got null"],
  ["props a list", ["ecs"], 'props must be an object of ImageExportRole options, got ["ecs"]'],
  ["provider a number", { provider: 1 }, `provider ${PROVIDER}, got 1`],
  ["description a number", { description: 42 }, "description must be text, got 42"],
  ["description null", { description: null }, "description must be text, got null"],
];

describe("ImageExportRole refuses hostile input with a clear error", () => {
  test.each(ROLE_ROWS)("%s", (_label, props, problem) => {
    const stack = newStack();
    const error = thrownBy(
      () => new ImageExportRole(stack, "Role", resolve(props, stack) as ImageExportRoleProps),
    );
    expectOurError(error, "ImageExportRole at 'stack/Role'", problem);
  });
});

// Regions are compared once the whole stack exists: the constructor accepts, the synth refuses.
type RegionRow = readonly [string, () => TerraformStack, string];

const REGION_ROWS: RegionRow[] = [
  [
    "malformed provider region",
    () => {
      const stack = stackInRegion("CN_Hangzhou");
      new ImageExport(stack, "Export");
      return stack;
    },
    "the region of provider 'alicloud' must be a region id such as 'cn-hangzhou' or 'ap-southeast-1', got 'CN_Hangzhou'",
  ],
  [
    "empty provider region",
    () => {
      const stack = stackInRegion("");
      new ImageExport(stack, "Export");
      return stack;
    },
    "the region of provider 'alicloud' must be a region id such as 'cn-hangzhou' or 'ap-southeast-1', got ''",
  ],
  [
    "provider region with a trailing space",
    () => {
      const stack = stackInRegion("cn-hangzhou ");
      new ImageExport(stack, "Export");
      return stack;
    },
    "the region of provider 'alicloud' must be a region id such as 'cn-hangzhou' or 'ap-southeast-1', got 'cn-hangzhou '",
  ],
  [
    "zone outside the region",
    () => {
      const stack = stackInRegion("cn-hangzhou");
      new ImageExport(stack, "Export", { zoneId: "cn-beijing-a" });
      return stack;
    },
    "zoneId must be a zone of the export's region 'cn-hangzhou', got 'cn-beijing-a'",
  ],
  [
    "zone of a region plus a stray letter",
    () => {
      const stack = stackInRegion("cn-hangzhou");
      new ImageExport(stack, "Export", { zoneId: "cn-hangzhoux" });
      return stack;
    },
    "zoneId must be a zone of the export's region 'cn-hangzhou', got 'cn-hangzhoux'",
  ],
  [
    "zone of a region that starts the same",
    () => {
      const stack = stackInRegion("cn-shanghai");
      new ImageExport(stack, "Export", { zoneId: "cn-shanghai-finance-1z" });
      return stack;
    },
    "zoneId must be a zone of the export's region 'cn-shanghai', got 'cn-shanghai-finance-1z'",
  ],
  [
    "bucket made by another region's provider",
    () => {
      const stack = stackInRegion("cn-hangzhou");
      const beijing = new alicloud.provider.AlicloudProvider(stack, "beijing", {
        region: "cn-beijing",
        alias: "beijing",
      });
      const bucket = new ExportBucket(stack, "Bucket", { provider: beijing });
      new ImageExport(stack, "Export", { imageId: "m-abc", ossBucket: bucket.bucketName });
      return stack;
    },
    "ossBucket must name a bucket in the export's region 'cn-hangzhou', got alicloud_oss_bucket.Bucket_",
  ],
  [
    "image made by another region's provider",
    () => {
      const stack = stackInRegion("cn-hangzhou");
      const singapore = new alicloud.provider.AlicloudProvider(stack, "sg", {
        region: "ap-southeast-1",
        alias: "sg",
      });
      const scaffold = new ImageScaffold(stack, "Scaffold", { provider: singapore });
      new ImageExport(stack, "Export", { imageId: scaffold.imageId, ossBucket: "my-bucket" });
      return stack;
    },
    "imageId must name an image in the export's region 'cn-hangzhou', got alicloud_image.Scaffold_",
  ],
];

describe("region problems are refused when the stack is synthesized", () => {
  test.each(REGION_ROWS)("%s", (_label, build, problem) => {
    const stack = build();
    const error = thrownBy(() => Testing.synth(stack, true));
    expectOurError(error, "ImageExport at 'stack/Export'", problem);
  });
});
