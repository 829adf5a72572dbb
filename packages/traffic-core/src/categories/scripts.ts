import type { ContentOptions } from '../category.js';

type Script = ContentOptions['scripts'][number];

/** A few everyday words per script, for right-to-left and multi-script edge cases. */
export const scriptWords: Readonly<Record<Script, readonly string[]>> = {
  arabic: ['مرحبا', 'كتاب', 'مدينة', 'صباح', 'قهوة', 'سوق', 'شمس', 'بحر', 'صديق', 'بيت'],
  hebrew: ['שלום', 'ספר', 'עיר', 'בוקר', 'קפה', 'שוק', 'שמש', 'ים', 'חבר', 'בית'],
  cjk: ['你好', '会議', '日本語', '咖啡', '市场', '太阳', '바다', '친구', '東京', '書'],
  cyrillic: ['привет', 'книга', 'город', 'утро', 'кофе', 'рынок', 'солнце', 'море', 'друг'],
  devanagari: ['नमस्ते', 'किताब', 'शहर', 'सुबह', 'कॉफ़ी', 'बाज़ार', 'सूरज', 'समुद्र', 'दोस्त'],
};

/** True for scripts written right to left. */
export function isRightToLeft(script: Script): boolean {
  return script === 'arabic' || script === 'hebrew';
}
