// zh-CN wording for the yaml package's error codes; the English text is the package's own message.
import type { ErrorCode } from 'yaml';

export const yamlErrorZh: Partial<Record<ErrorCode, string>> = {
  TAB_AS_INDENT: '缩进不能使用制表符（Tab），请改用空格',
  BAD_INDENT: '缩进不正确，同一层级的项目须对齐',
  MISSING_CHAR: '缺少配对的符号（引号或括号未闭合）',
  BLOCK_AS_IMPLICIT_KEY: '这里不能作为键：请检查冒号和缩进',
  MULTILINE_IMPLICIT_KEY: '键不能跨多行：请检查冒号后是否缺少空格，或引号未闭合',
  UNEXPECTED_TOKEN: '出现了意外的符号',
  BAD_SCALAR_START: '值不能以这个符号开头，请用引号括起来',
  BAD_DQ_ESCAPE: '双引号字符串中的转义序列无效',
  BAD_ALIAS: '别名（*name）无效',
  BAD_DIRECTIVE: 'YAML 指令无效',
  BLOCK_IN_FLOW: '方括号或花括号内不能使用块结构',
  KEY_OVER_1024_CHARS: '键过长（超过 1024 个字符）',
  MULTIPLE_ANCHORS: '一个节点不能有多个锚点',
  MULTIPLE_TAGS: '一个节点不能有多个标签',
  NON_STRING_KEY: '键必须是文字',
  TAG_RESOLVE_FAILED: '无法识别的标签',
  BAD_COLLECTION_TYPE: '集合类型与标签不符',
  ALIAS_PROPS: '别名不能带锚点或标签',
  BAD_PROP_ORDER: '锚点和标签须写在值前面',
  IMPOSSIBLE: '无法解析的内容',
  RESOURCE_EXHAUSTION: '别名展开过多',
};
