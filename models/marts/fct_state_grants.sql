{#- State grants (001 `Statsbidrag 2018`): one row per grant and the list's Summa. -#}
with

measures as (

    select * from {{ ref('int_report_measures') }}
    where table_family = 'state_grants' and value is not null

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

final as (

    select
        measures.report_id,
        reports.municipality,
        reports.municipality_code,
        measures.table_id,
        measures.row_number,
        measures.row_label as state_grant,
        measures.row_role,
        cast(regexp_extract(measures.table_title, '((?:19|20)[0-9]{2})', 1) as integer)
            as grant_year,
        measures.value as amount_sek,
        measures.printed_text,
        measures.label_line,
        measures.source_line
    from measures
    inner join reports on measures.report_id = reports.report_id

)

select * from final
