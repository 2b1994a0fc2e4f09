import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  PROPOSAL_ANSWER_LABELS,
  PROPOSAL_CATEGORY_LABELS,
  type ProposalAnswer,
  type ProposalCategory,
} from '@caunoi/shared';
import { useLocale } from '../../i18n/locale';

const ANSWER_COLORS: Record<ProposalAnswer, string> = {
  agreed: 'green',
  agreed_with_conditions: 'cyan',
  under_study: 'gold',
  not_agreed: 'red',
};

/** The Ministry's answer, or "not answered yet". */
export function AnswerTag({ answer }: { answer: ProposalAnswer | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (answer === null) return <Tag>{t('proposals.pending')}</Tag>;
  return <Tag color={ANSWER_COLORS[answer]}>{PROPOSAL_ANSWER_LABELS[answer][locale]}</Tag>;
}

export function CategoryTag({ category }: { category: ProposalCategory }) {
  const locale = useLocale();
  return <Tag color="blue">{PROPOSAL_CATEGORY_LABELS[category][locale]}</Tag>;
}
