import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS, ROLE_SCOPES, ROLES, type Role, type ScopeKind } from '@caunoi/shared';
import type { AssignmentInput, RoleAssignment } from '../../api/types';
import { useLocale } from '../../i18n/locale';
import { optionsOf } from '../../lib/labels';
import { OrganisationSelect } from '../organisations/OrganisationSelect';
import { UnitSelect } from '../units/UnitSelect';

/** One row of the editor: the scope kind is chosen explicitly only for roles that allow several. */
export interface AssignmentRow {
  role?: Role;
  scopeKind?: ScopeKind;
  unitId?: string | null;
  organisationId?: string | null;
}

export const toRows = (assignments: RoleAssignment[]): AssignmentRow[] =>
  assignments.map((a) => ({
    role: a.role,
    scopeKind: a.scopeKind,
    unitId: a.scopeUnitId,
    organisationId: a.scopeOrganisationId,
  }));

export function fromRows(rows: AssignmentRow[] = []): AssignmentInput[] {
  return rows
    .filter((r): r is AssignmentRow & { role: Role } => !!r.role)
    .map((r) => {
      const kind = scopeKindOf(r);
      return {
        role: r.role,
        scopeUnitId: kind === 'province' ? (r.unitId ?? null) : null,
        scopeOrganisationId: kind === 'organisation' ? (r.organisationId ?? null) : null,
      };
    });
}

/** Maps the API's field paths (assignments.0.scopeUnitId) onto the editor's fields. */
export const assignmentPath = (path: string) =>
  path.replace(/\.scopeUnitId$/, '.unitId').replace(/\.scopeOrganisationId$/, '.organisationId');

function scopeKindOf(row: AssignmentRow): ScopeKind {
  const allowed = row.role ? ROLE_SCOPES[row.role] : [];
  return row.scopeKind && allowed.includes(row.scopeKind)
    ? row.scopeKind
    : (allowed[0] ?? 'national');
}

/** Role assignments with their scope pickers, as a list inside a form (field `assignments`). */
export function AssignmentsEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const locale = useLocale();
  const required = { required: true, message: t('validation.required') };
  const scopeLabels: Record<ScopeKind, string> = {
    national: t('scope.national'),
    province: t('scope.province'),
    organisation: t('scope.organisation'),
  };
  return (
    <Form.List name="assignments">
      {(fields, { add, remove }) => (
        <>
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary">{t('users.noAssignments')}</Typography.Paragraph>
          )}
          {fields.map((field) => (
            <Row key={field.key} gutter={8} align="top" wrap={false}>
              <Col flex="240px">
                <Form.Item
                  name={[field.name, 'role']}
                  rules={[required]}
                  style={{ marginBottom: 12 }}
                >
                  <Select<Role>
                    placeholder={t('users.role')}
                    options={optionsOf(ROLES, ROLE_LABELS, locale)}
                    aria-label={t('users.role')}
                    onChange={(role) => {
                      const path = ['assignments', field.name, 'scopeKind'];
                      const kind = form.getFieldValue(path) as ScopeKind | undefined;
                      if (!kind || !ROLE_SCOPES[role].includes(kind)) {
                        form.setFieldValue(path, ROLE_SCOPES[role][0]);
                      }
                    }}
                  />
                </Form.Item>
              </Col>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const row = (getFieldValue(['assignments', field.name]) ?? {}) as AssignmentRow;
                  const allowed = row.role ? ROLE_SCOPES[row.role] : [];
                  const kind = scopeKindOf(row);
                  return (
                    <>
                      {allowed.length > 1 && (
                        <Col flex="180px">
                          <Form.Item name={[field.name, 'scopeKind']} style={{ marginBottom: 12 }}>
                            <Select
                              aria-label={t('users.scopeKind')}
                              options={allowed.map((k) => ({ value: k, label: scopeLabels[k] }))}
                            />
                          </Form.Item>
                        </Col>
                      )}
                      <Col flex="auto">
                        {row.role && kind === 'province' && (
                          <Form.Item
                            name={[field.name, 'unitId']}
                            rules={[required]}
                            style={{ marginBottom: 12 }}
                          >
                            <UnitSelect
                              placeholder={t('users.pickProvince')}
                              aria-label={t('scope.province')}
                            />
                          </Form.Item>
                        )}
                        {row.role && kind === 'organisation' && (
                          <Form.Item
                            name={[field.name, 'organisationId']}
                            rules={[required]}
                            style={{ marginBottom: 12 }}
                          >
                            <OrganisationSelect
                              kind="ministry_unit"
                              placeholder={t('users.pickMinistryUnit')}
                              aria-label={t('scope.organisation')}
                            />
                          </Form.Item>
                        )}
                        {row.role && kind === 'national' && allowed.length === 1 && (
                          <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                            {t('scope.national')}
                          </Typography.Text>
                        )}
                      </Col>
                    </>
                  );
                }}
              </Form.Item>
              <Col flex="40px">
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.remove')}
                />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
            {t('users.addAssignment')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
