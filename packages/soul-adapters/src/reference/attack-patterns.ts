// Precompiled, non-global patterns for the attack rules. Every repetition is bounded so a
// 100k-character input cannot cause catastrophic backtracking.

/** C0 controls except tab, newline and carriage return; DEL; C1 controls. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const SQL_INJECTION = new RegExp(
  [
    "'\\s*(?:or|and)\\s+'?\\w+'?\\s*=",
    "'\\s*(?:--|#|/\\*)",
    '\\bunion\\s+(?:all\\s+)?select\\b',
    ';\\s*(?:drop|truncate|alter)\\s+(?:table|database|schema)\\b',
    '\\b(?:drop|truncate)\\s+(?:table|database)\\s+\\w',
    '\\bor\\s+1\\s*=\\s*1\\b',
    '\\b(?:pg_sleep|benchmark)\\s*\\(|\\bsleep\\s*\\(\\s*\\d|\\bwaitfor\\s+delay\\b',
    '\\bxp_cmdshell\\b',
  ].join('|'),
  'i',
);

export const SCRIPT_INJECTION = new RegExp(
  [
    '<\\s*/?\\s*(?:script|iframe|object|embed|svg|math|style|meta|base)\\b',
    '(?:%3c|&lt;|&#0*60;)\\s*script',
    '\\b(?:javascript|vbscript)\\s*:',
    '<[^<>]{0,200}\\son[a-z]{3,20}\\s*=',
    '\\bdata\\s*:\\s*text/html',
  ].join('|'),
  'i',
);

export const PATH_TRAVERSAL = new RegExp(
  [
    '(?:(?:\\.\\.|%2e%2e|%252e%252e)(?:/|\\\\|%2f|%5c|%252f)){2,}',
    '/etc/(?:passwd|shadow|hosts|sudoers)\\b',
    '%2fetc%2f(?:passwd|shadow)',
    '\\\\windows\\\\system32\\b',
  ].join('|'),
  'i',
);

const HARM_ACTS =
  '\\b(?:steal(?:ing|s)?|launder(?:ing|s)?|extort(?:ing|ion)?|blackmail(?:ing)?|kidnap(?:ping)?|' +
  'doxx?(?:ing)?|embezzl(?:e|ing)|hack(?:ing)?\\s+into|' +
  "break\\s+into\\s+(?:someone|somebody|his|her|their|my\\s+\\w{1,20}'s|a\\s+neighbou?r's))\\b";

const HARM_INTENT =
  '\\b(?:write|create|build|make|develop|code|generate|design|craft|deploy|spread|' +
  'distribute|launch|commit|synthesi[sz]e|manufacture|buy|sell|obtain|help\\s+me|teach\\s+me|' +
  'show\\s+me|tell\\s+me|how\\s+(?:do|can|would|could|should)\\s+i|how\\s+to|instructions)\\b';

const HARM_OBJECTS =
  '\\b(?:malware|ransomware|keyloggers?|spyware|trojans?|botnets?|rootkits?|' +
  'computer\\s+virus(?:es)?|exploit\\s+kits?|ddos|phishing|fraud|' +
  'fake\\s+(?:ids?|passports?|invoices?|bank\\s+statements?)|(?:pipe\\s+)?bombs?|explosives?|' +
  'nerve\\s+agents?|bioweapons?|chemical\\s+weapons?|untraceable\\s+(?:guns?|firearms?|weapons?)|' +
  'ghost\\s+guns?|meth(?:amphetamine)?|weapons?)\\b';

/** A harmful act, or an intent verb followed closely by a harmful object. */
export const HARMFUL_INTENT = new RegExp(
  `${HARM_ACTS}|${HARM_INTENT}[^.!?\\n]{0,80}?${HARM_OBJECTS}`,
  'i',
);

export const JAILBREAK = new RegExp(
  [
    '\\b(?:ignore|disregard|forget|override|bypass)\\s+(?:all\\s+|any\\s+)?(?:of\\s+)?' +
      '(?:your\\s+|the\\s+|my\\s+|these\\s+|those\\s+)?' +
      '(?:previous\\s+|prior\\s+|earlier\\s+|above\\s+|safety\\s+|system\\s+|original\\s+)?' +
      '(?:instructions|rules|guidelines|polic(?:y|ies)|restrictions|guardrails|filters|' +
      'programming|prompt)\\b',
    '\\bdeveloper\\s+mode\\b',
    '\\bdo\\s+anything\\s+now\\b',
    '\\bjailbr(?:eak|oken)\\b',
    '\\b(?:pretend|act|behave|role-?play)\\b[^.!?\\n]{0,60}?\\b(?:no|without|free\\s+of|ignoring)' +
      '\\s+(?:any\\s+)?(?:rules|restrictions|limits|filters|guidelines|censorship|ethics)\\b',
    '\\b(?:unfiltered|uncensored|unrestricted)\\s+(?:ai|assistant|mode|model|version)\\b',
    '\\bno\\s+longer\\s+bound\\b',
    '\\bsystem\\s+prompt\\b',
  ].join('|'),
  'i',
);
