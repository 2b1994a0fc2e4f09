import { Col, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { endAfterStart } from '../lib/forms';
import { IsoDatePicker } from './IsoDatePicker';

/** The two half-width date fields of a validity interval (`validFrom`, `validTo`), end after start. */
export function ValidityFields({ fromLabel, toLabel }: { fromLabel: string; toLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Col xs={24} md={12}>
        <Form.Item name="validFrom" label={fromLabel}>
          <IsoDatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="validTo"
          label={toLabel}
          dependencies={['validFrom']}
          rules={[endAfterStart('validFrom', t('validation.endAfterStart'))]}
        >
          <IsoDatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </>
  );
}
